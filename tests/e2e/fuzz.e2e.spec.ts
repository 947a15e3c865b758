/**
 * Property-based fuzz (fast-check) of every public endpoint of the real server: whatever a
 * stranger sends in the body or the query, the answer is 2xx/3xx/4xx, never 5xx, within a few
 * seconds; the server keeps serving readers; and refused requests change no figure (the hits
 * counted grow by exactly the hits accepted, an article's votes by exactly the votes accepted).
 *
 * Seeded: a failure prints its seed and path; FUZZ_SEED=<seed> replays the same inputs.
 */
import fc from 'fast-check'

import { type RunningApp, startApp } from '../helpers/app'
import { readerWaits, tokenOf } from '../helpers/abuse'

const SEED = Number(process.env.FUZZ_SEED || 20261130)
const RUNS = Number(process.env.FUZZ_RUNS || 200)
const options = { seed: SEED, numRuns: RUNS, endOnFailure: true }
// A reader's browser: a client that names no browser is counted as a bot, apart from page views.
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' }

let app: RunningApp
let adminToken: string
let article: { id: number; slug: string }
let category: string

beforeAll(async () => {
  app = await startApp({ STATS_HITS_PER_IP_PER_MINUTE: '1000000', RATING_VOTES_PER_IP_PER_DAY: '1000000' })
  adminToken = await tokenOf(app, app.accounts.admin)
  const { docs } = (await (await fetch(`${app.url}/api/articles?limit=1&depth=0`)).json()) as { docs: { id: number; slug: string }[] }
  article = docs[0]!
  const categories = (await (await fetch(`${app.url}/api/categories?limit=1&depth=0`)).json()) as { docs: { slug: string }[] }
  category = categories.docs[0]!.slug
}, 600_000)
afterAll(async () => {
  await app?.stop()
})

type Sent = { method?: string; path: string; body?: string; contentType?: string; headers?: Record<string, string> }

/** Sends one request; fails on a 5xx or a slow answer; returns the status. */
async function send({ method = 'GET', path, body, contentType, headers = {} }: Sent): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${app.url}${path}`, {
    method,
    body,
    redirect: 'manual',
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
    signal: AbortSignal.timeout(15_000),
  })
  await response.arrayBuffer()
  const ms = performance.now() - started
  if (response.status >= 500 || ms > 10_000) throw new Error(`${method} ${path} ${body === undefined ? '' : JSON.stringify(body).slice(0, 300)} → ${response.status} in ${Math.round(ms)} ms`)
  return response.status
}

// What strangers put in a path, a query value or a field.
const nasty = fc.constantFrom('', '%ff', '%', '%2e%2e', '..', '/', '\\', '//evil.example', '%0d%0a', '%00', 'ả', 'đ', ' ', '?', '#', '&', '=', '[', ']', '-1', '0', '1e309', 'NaN', 'null', '99999999999999999999', 'abc', '__proto__', 'constructor')
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.array(nasty, { maxLength: 6 }).map((parts) => parts.join('')))
const rawQueryValue = fc.oneof(text.map((value) => encodeURIComponent(value)), fc.array(nasty, { maxLength: 5 }).map((parts) => parts.join('')))
const anyJson = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value))
const body = fc.oneof(anyJson, text, fc.constant('{'), fc.constant('{"__proto__":{"x":1}}'))
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', '')

/** Hits counted today: page views and bots (a hit saying it is an automated browser is a bot's). */
async function hitsCountedToday(): Promise<number> {
  const response = await fetch(`${app.url}/api/stats/report`, { headers: { authorization: `JWT ${adminToken}` } })
  const report = (await response.json()) as { current: { totals: { pageViews: number; bots: number } } }
  return report.current.totals.pageViews + report.current.totals.bots
}

async function votesOf(id: number): Promise<number> {
  return ((await (await fetch(`${app.url}/api/articles/${id}/rating`)).json()) as { count: number }).count
}

describe('fuzzing the public endpoints', () => {
  it('POST /api/stats/hit: never 5xx, and the hits counted grow by exactly the hits accepted', async () => {
    const before = await hitsCountedToday()
    let accepted = 0
    const valid = fc.constantFrom(JSON.stringify({ path: '/' }), JSON.stringify({ path: `/bai-viet/${article.slug}`, article: article.id }), JSON.stringify({ path: `/chuyen-muc/${category}`, referrer: 'https://www.google.com/' }))
    const hit = fc.oneof(
      valid,
      fc.record(
        {
          path: fc.oneof(fc.constantFrom('/', `/bai-viet/${article.slug}`, `/chuyen-muc/${category}`), text),
          article: fc.oneof(fc.constant(article.id), fc.integer(), text, fc.double()),
          referrer: fc.oneof(fc.webUrl(), text),
          screen: fc.oneof(fc.integer({ min: 0, max: 10000 }), text, fc.constant('1920x1080')),
          webdriver: fc.oneof(fc.boolean(), text),
        },
        { requiredKeys: [] },
      ).map((value) => JSON.stringify(value)),
      body,
    )
    await fc.assert(
      fc.asyncProperty(hit, contentType, async (sent, type) => {
        const status = await send({ method: 'POST', path: '/api/stats/hit', body: sent, contentType: type, headers: BROWSER })
        if (status === 201) accepted += 1
        else if (status >= 300) expect(status).toBeGreaterThanOrEqual(400)
      }),
      options,
    )
    expect(accepted).toBeGreaterThan(0) // some inputs were valid: the property was not vacuous
    expect(await hitsCountedToday()).toBe(before + accepted)
    await readerWaits(app)
  })

  it('ratings: never 5xx, and an article gains exactly the votes accepted', async () => {
    const before = await votesOf(article.id)
    let accepted = 0
    const target = fc.oneof(fc.constant(String(article.id)), fc.integer().map(String), rawQueryValue)
    const vote = fc.oneof(
      fc.record({ score: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double(), text, fc.constant(null)) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.integer({ min: -1, max: 7 }).map((score) => `score=${score}`),
      body,
    )
    await fc.assert(
      fc.asyncProperty(target, vote, contentType, fc.boolean(), async (id, sent, type, get) => {
        const path = `/api/articles/${id}/rating`
        const status = get ? await send({ path }) : await send({ method: 'POST', path, body: sent, contentType: type })
        if (!get && id === String(article.id) && status === 201) accepted += 1
      }),
      options,
    )
    expect(await votesOf(article.id)).toBe(before + accepted)
    await readerWaits(app)
  })

  it('search, category and article pages: never 5xx whatever the query', async () => {
    const page = fc.oneof(
      rawQueryValue.map((q) => `/tim-kiem?q=${q}`),
      fc.tuple(rawQueryValue, rawQueryValue).map(([q, trang]) => `/tim-kiem?q=${q}&trang=${trang}`),
      rawQueryValue.map((trang) => `/chuyen-muc/${category}?trang=${trang}`),
      fc.array(nasty, { minLength: 1, maxLength: 4 }).map((parts) => `/bai-viet/${parts.join('')}`),
      fc.array(nasty, { minLength: 1, maxLength: 4 }).map((parts) => `/chuyen-muc/${parts.join('')}/rss.xml`),
    )
    await fc.assert(fc.asyncProperty(page, async (path) => void (await send({ path }))), options)
    await readerWaits(app)
  })

  it('REST lists: never 5xx whatever the query, as a stranger', async () => {
    const key = fc.constantFrom('limit', 'page', 'depth', 'sort', 'locale', 'draft', 'pagination', 'select[title]', 'where[id][in]', 'where[id][equals]', 'where[publishedAt][greater_than]', 'where[title][like]', 'where[or][0][slug][equals]', 'where[category][equals]', 'populate[x]', 'joins', 'trash', 'fallback-locale')
    const query = fc.array(fc.tuple(key, rawQueryValue), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'))
    const list = fc.tuple(fc.constantFrom('articles', 'categories', 'authors', 'images', 'ratings', 'users', 'stats-totals', 'nope'), query)
    await fc.assert(fc.asyncProperty(list, async ([collection, q]) => void (await send({ path: `/api/${collection}?${q}` }))), options)
    await fc.assert(fc.asyncProperty(rawQueryValue, async (id) => void (await send({ path: `/api/articles/${id || 'x'}` }))), options)
    await readerWaits(app)
  })

  it('preview and its exit: never 5xx, and the exit never leaves the site', async () => {
    await fc.assert(
      fc.asyncProperty(rawQueryValue, rawQueryValue, rawQueryValue, async (slug, locale, path) => {
        await send({ path: `/api/preview?slug=${slug}&locale=${locale}` })
        const response = await fetch(`${app.url}/api/preview/exit?path=${path}`, { redirect: 'manual' })
        expect(response.status).toBeLessThan(500)
        const location = response.headers.get('location')
        if (location) expect(new URL(location, app.url).origin).toBe(app.url)
      }),
      options,
    )
  })

  it('login and the other auth endpoints: never 5xx whatever the body', async () => {
    const endpoint = fc.constantFrom('/api/users/login', '/api/users/forgot-password', '/api/users/reset-password', '/api/users/refresh-token', '/api/users/logout', '/api/users/first-register', '/api/users/unlock')
    const credentials = fc.record({ email: fc.oneof(fc.emailAddress(), text), password: text }, { requiredKeys: [] }).map((v) => JSON.stringify(v))
    await fc.assert(
      fc.asyncProperty(endpoint, fc.oneof(credentials, body), contentType, async (path, sent, type) =>
        void (await send({ method: 'POST', path, body: sent, contentType: type })),
      ),
      options,
    )
    await readerWaits(app)
  })
})
