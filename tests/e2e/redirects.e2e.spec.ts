/**
 * Redirects on the real server (scripts/server.mjs, scripts/redirects.mjs): NukeViet's forms of
 * an old address answer a 301 to the page here, an editor's change is served without a restart
 * (and, on PostgreSQL, by a second instance on the same database), and a miss is the ordinary
 * page or 404.
 */
import pg from 'pg'

import { tokenOf } from '../helpers/abuse'
import { type RunningApp, startApp } from '../helpers/app'

const ENV = { REDIRECTS_CHECK_SECONDS: '1' }

let app: RunningApp
let token: string
let article: { id: number; slug: string }
let category: { id: number; slug: string }

beforeAll(async () => {
  app = await startApp(ENV)
  token = await tokenOf(app, app.accounts.admin)
  const first = async (collection: string, where = '') =>
    ((await (await fetch(`${app.url}/api/${collection}?limit=1&depth=0${where}`, { headers: auth() })).json()) as { docs: { id: number; slug: string }[] }).docs[0]
  article = await first('articles', '&where[_status][equals]=published&sort=-publishedAt')
  category = await first('categories')
}, 600_000)

afterAll(async () => app?.stop())

const auth = () => ({ authorization: `JWT ${token}`, 'content-type': 'application/json' })

const get = (base: string, path: string) => fetch(`${base}${path}`, { redirect: 'manual' })

async function addRedirect(from: string, to: string) {
  const response = await fetch(`${app.url}/api/redirects`, { method: 'POST', headers: auth(), body: JSON.stringify({ from, to, source: 'nukeviet' }) })
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: { id: number; from: string } }).doc
}

/** Asks until the answer is `status` (the server reads a change within a second or two); the time it took, in ms. */
async function until(base: string, path: string, status: number, within = 10_000): Promise<number> {
  const started = Date.now()
  for (;;) {
    const response = await get(base, path)
    await response.arrayBuffer()
    if (response.status === status) return Date.now() - started
    if (Date.now() - started > within) throw new Error(`${path}: ${response.status}, not ${status}, after ${within} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('old NukeViet addresses', () => {
  const old = () => `/vi/news/${category.slug}/bai-cu-24.html`

  beforeAll(async () => {
    await addRedirect(old(), `/bai-viet/${article.slug}`)
    await addRedirect(`/vi/news/${category.slug}/`, `/chuyen-muc/${category.slug}`)
    await addRedirect('/vi/news/tag/đầu-tư-công', `/chuyen-muc/${category.slug}`)
    await until(app.url, old(), 301)
  })

  it.each([
    ['the article', () => old(), () => `/bai-viet/${article.slug}`],
    ['the article without the language', () => old().replace('/vi/news/', '/news/'), () => `/bai-viet/${article.slug}`],
    ['the article through index.php', () => `/index.php?language=vi&nv=news&op=${category.slug}/bai-cu-24.html`, () => `/bai-viet/${article.slug}`],
    ['the category, with or without its slash', () => `/vi/news/${category.slug}`, () => `/chuyen-muc/${category.slug}`],
    ["the category's page 3 (to its first page)", () => `/vi/news/${category.slug}/page-3/`, () => `/chuyen-muc/${category.slug}`],
    ['a tag, its letters percent-encoded', () => '/vi/news/tag/%C4%91%E1%BA%A7u-t%C6%B0-c%C3%B4ng', () => `/chuyen-muc/${category.slug}`],
  ])('%s answers 301 to its page, cacheable, and the page is there', async (_name, path, location) => {
    const response = await get(app.url, path())
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(location())
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await get(app.url, location())).status).toBe(200)
  })

  it('a miss is the ordinary 404 page, and pages are pages', async () => {
    const missing = await get(app.url, `/vi/news/${category.slug}/bai-khac-25.html`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('<html')
    expect((await get(app.url, `/bai-viet/${article.slug}`)).status).toBe(200)
  })
})

describe('changes without a restart', () => {
  it("a published article's new slug: the old address redirects within seconds", async () => {
    const made = await fetch(`${app.url}/api/articles`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ title: 'Bài đổi đường dẫn', slug: 'bai-doi-duong-dan', primaryCategory: category.id, _status: 'published' }),
    })
    expect(made.status).toBe(201)
    const { doc } = (await made.json()) as { doc: { id: number } }
    expect((await get(app.url, '/bai-viet/bai-doi-duong-dan')).status).toBe(200)
    const renamed = await fetch(`${app.url}/api/articles/${doc.id}`, { method: 'PATCH', headers: auth(), body: JSON.stringify({ slug: 'bai-da-doi-duong-dan', _status: 'published' }) })
    expect(renamed.status).toBe(200)
    await until(app.url, '/bai-viet/bai-doi-duong-dan', 301)
    expect((await get(app.url, '/bai-viet/bai-doi-duong-dan')).headers.get('location')).toBe('/bai-viet/bai-da-doi-duong-dan')
    expect((await get(app.url, '/en/bai-viet/bai-doi-duong-dan')).headers.get('location')).toBe('/en/bai-viet/bai-da-doi-duong-dan')
  })

  it('a deleted redirect: its address is a 404 again', async () => {
    const row = await addRedirect('/vi/news/thong-bao/se-xoa-7.html', `/bai-viet/${article.slug}`)
    await until(app.url, '/vi/news/thong-bao/se-xoa-7.html', 301)
    expect((await fetch(`${app.url}/api/redirects/${row.id}`, { method: 'DELETE', headers: auth() })).status).toBe(200)
    await until(app.url, '/vi/news/thong-bao/se-xoa-7.html', 404)
  })

  it('a row written by another process (an import, another instance) is served after the next version check', async () => {
    const from = '/uploads/news/2026_11/dsc_1430.jpg'
    const insert = `INSERT INTO redirects ("from", "to", source, updated_at, created_at) VALUES ($1, $2, 'nukeviet', $3, $3)`
    const now = new Date().toISOString()
    if (app.database.kind === 'postgres') {
      const client = new pg.Client({ connectionString: app.database.uri })
      await client.connect()
      await client.query(insert, [from, '/favicon.ico', now])
      await client.end()
    } else {
      const { default: Database } = await import('libsql')
      const db = new Database(app.database.uri.replace(/^file:/, ''))
      db.prepare(insert.replace(/\$\d/g, '?')).run(from, '/favicon.ico', now, now)
      db.close()
    }
    const took = await until(app.url, from, 301, 5000)
    expect(took).toBeLessThan(3000)
  })

  const onPostgres = process.env.TEST_DATABASE_URI ? it : it.skip
  onPostgres('a second instance on the same database serves the rows, and a change made through the first', async () => {
    const second = await startApp(ENV, { shared: { database: app.database, dir: app.dir } })
    try {
      expect((await get(second.url, `/news/${category.slug}/bai-cu-24.html`)).headers.get('location')).toBe(`/bai-viet/${article.slug}`)
      await addRedirect('/vi/news/kinh-te/tu-may-mot-9.html', `/bai-viet/${article.slug}`)
      const took = await until(second.url, '/vi/news/kinh-te/tu-may-mot-9.html', 301, 5000)
      expect(took).toBeLessThan(3000)
    } finally {
      await second.stop()
    }
  }, 600_000)
})
