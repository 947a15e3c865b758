/**
 * Scheduled publishing against the real server (`npm start`, its job queue worked every 2 s here
 * instead of every minute): an article scheduled to go live appears everywhere a hand publish
 * puts it (home, its category, RSS, the sitemap, search, its own address even where that answered
 * 404 before), and a scheduled unpublish takes it off everywhere. Scripts schedule through
 * `POST /api/articles/:id/schedule`, the same job the admin's drawer queues.
 */
import { paragraph, richText } from '../../src/seed/lexical'
import { type RunningApp, startApp } from '../helpers/app'

const JOBS_CRON = '*/2 * * * * *'

let app: RunningApp
let editor: string
let reporter: string
let category: { id: number; slug: string }

const login = async (account: { email: string; password: string }) => {
  const response = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  })
  return ((await response.json()) as { token: string }).token
}

const api = (token: string | null, method: string, path: string, body?: unknown) =>
  fetch(`${app.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })

const draft = async (title: string) => {
  const response = await api(editor, 'POST', '/articles?draft=true', {
    title,
    lead: 'Sapo bài hẹn giờ.',
    body: richText([paragraph('Nội dung bài hẹn giờ.')]),
    byline: 'Ban biên tập',
    primaryCategory: category.id,
    _status: 'draft',
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: { id: number; slug: string } }).doc
}

const text = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}${path}`, { headers })
  return { status: response.status, body: await response.text() }
}

/** Where a published article shows, each as (path, whether it shows there now). */
const places = (slug: string, title: string) => [
  ['/', (page: string) => page.includes(`/bai-viet/${slug}`)],
  [`/chuyen-muc/${category.slug}`, (page: string) => page.includes(`/bai-viet/${slug}`)],
  ['/rss.xml', (page: string) => page.includes(`/bai-viet/${slug}`)],
  ['/sitemap.xml', (page: string) => page.includes(`/bai-viet/${slug}`)],
  [`/tim-kiem?q=${encodeURIComponent(title)}`, (page: string) => page.includes(`/bai-viet/${slug}`)],
] as const

const shownIn = async (slug: string, title: string) => {
  const shown: string[] = []
  for (const [path, shows] of places(slug, title)) if (shows((await text(path)).body)) shown.push(path)
  if ((await text(`/bai-viet/${slug}`)).status === 200) shown.push(`/bai-viet/${slug}`)
  return shown
}

const waitFor = async (check: () => Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return check()
}

beforeAll(async () => {
  app = await startApp({ JOBS_AUTORUN: 'true', JOBS_CRON })
  editor = await login(app.accounts.editor)
  reporter = await login(app.accounts.reporter)
  const categories = (await (await api(null, 'GET', '/categories?limit=1&depth=0')).json()) as { docs: { id: number; slug: string }[] }
  category = categories.docs[0]!
}, 480_000)

afterAll(async () => {
  await app?.stop()
})

it('an article scheduled to publish appears on home, its category, RSS, the sitemap, search and at its address, which answered 404 before', async () => {
  const title = 'Bài hẹn giờ xuất bản số một'
  const article = await draft(title)
  const everywhere = [...places(article.slug, title).map(([path]) => path), `/bai-viet/${article.slug}`]
  // every page read (and cached) before: the article is nowhere, its address a 404 for everyone
  expect(await shownIn(article.slug, title)).toEqual([])
  expect((await text(`/bai-viet/${article.slug}`, { authorization: `JWT ${editor}` })).status).toBe(404)

  const at = new Date(Date.now() + 3000)
  const scheduled = await api(editor, 'POST', `/articles/${article.id}/schedule`, { at: at.toISOString(), action: 'publish' })
  expect(scheduled.status).toBe(201)
  expect(await scheduled.json()).toMatchObject({ at: at.toISOString(), action: 'publish', message: expect.stringMatching(/^Đã hẹn giờ đăng bài lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/) })
  expect(await shownIn(article.slug, title)).toEqual([]) // not before its time

  expect(await waitFor(async () => (await shownIn(article.slug, title)).length === everywhere.length, 20_000)).toBe(true)
  expect(await shownIn(article.slug, title)).toEqual(everywhere)
  // its publication date is the moment it went live, not the moment it was drafted
  const published = (await (await api(null, 'GET', `/articles/${article.id}?depth=0`)).json()) as { publishedAt: string; _status: string }
  expect(published._status).toBe('published')
  expect(new Date(published.publishedAt).getTime()).toBeGreaterThanOrEqual(at.getTime())
  expect(new Date(published.publishedAt).getTime()).toBeLessThan(at.getTime() + 20_000)
})

it('a scheduled unpublish takes the article off every page and its address answers 404', async () => {
  const title = 'Bài hẹn giờ gỡ xuống số hai'
  const article = await draft(title)
  expect((await api(editor, 'PATCH', `/articles/${article.id}`, { _status: 'published' })).status).toBe(200)
  expect(await waitFor(async () => (await shownIn(article.slug, title)).length === 6, 10_000)).toBe(true)

  const at = new Date(Date.now() + 3000)
  expect((await api(editor, 'POST', `/articles/${article.id}/schedule`, { at: at.toISOString(), action: 'unpublish' })).status).toBe(201)
  expect(await waitFor(async () => (await shownIn(article.slug, title)).length === 0, 20_000)).toBe(true)
  expect((await text(`/bai-viet/${article.slug}`)).status).toBe(404)
})

it('lists what is scheduled for an article, soonest first', async () => {
  const article = await draft('Bài có hai lịch hẹn')
  const later = new Date(Date.now() + 7_200_000).toISOString()
  const sooner = new Date(Date.now() + 3_600_000).toISOString()
  await api(editor, 'POST', `/articles/${article.id}/schedule`, { at: later, action: 'unpublish' })
  await api(editor, 'POST', `/articles/${article.id}/schedule`, { at: sooner, action: 'publish' })
  const listed = await api(editor, 'GET', `/articles/${article.id}/schedule`)
  expect(listed.status).toBe(200)
  expect(((await listed.json()) as { scheduled: unknown[] }).scheduled).toEqual([
    { id: expect.anything(), at: sooner, action: 'publish' },
    { id: expect.anything(), at: later, action: 'unpublish' },
  ])
})

describe('who may schedule, and what is refused (nothing is queued)', () => {
  let article: { id: number; slug: string }
  const queued = async () =>
    ((await (await api(editor, 'GET', `/articles/${article.id}/schedule`)).json()) as { scheduled: unknown[] }).scheduled.length

  beforeAll(async () => {
    article = await draft('Bài để thử lịch hẹn sai')
  })

  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()
  it.each([
    ['no session', () => null, 401, 'Bạn cần đăng nhập.'],
    ['a reporter', () => reporter, 403, 'Chỉ biên tập viên và quản trị viên được hẹn giờ đăng hoặc gỡ bài.'],
  ])('%s is refused', async (_who, token, status, message) => {
    const response = await api(token(), 'POST', `/articles/${article.id}/schedule`, { at: inAnHour(), action: 'publish' })
    expect([response.status, await response.json()]).toEqual([status, { errors: [{ message }] }])
    expect(await queued()).toBe(0)
  })

  it.each([
    ['a time in the past', () => ({ at: new Date(Date.now() - 60_000).toISOString(), action: 'publish' }), 'Thời điểm hẹn giờ phải ở tương lai.'],
    ['a time more than 5 years ahead', () => ({ at: '2099-01-01T00:00:00.000Z', action: 'publish' }), 'Thời điểm hẹn giờ không được quá 5 năm kể từ bây giờ.'],
    ['a time that is not ISO 8601', () => ({ at: '1/12/2026 9:00', action: 'publish' }), 'Trường "at" phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-01T09:00:00+07:00.'],
    ['a time without its zone', () => ({ at: '2030-01-01T09:00:00', action: 'publish' }), 'Trường "at" phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-01T09:00:00+07:00.'],
    ['an unknown action', () => ({ at: inAnHour(), action: 'delete' }), 'Trường "action" phải là "publish" hoặc "unpublish".'],
    ['a number for the time', () => ({ at: 1, action: 'publish' }), 'Trường "at" phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-01T09:00:00+07:00.'],
    ['an array as the body', () => [], 'Nội dung gửi lên phải là một đối tượng JSON { "at", "action" }.'],
    ['malformed JSON', () => '{"at":', 'Nội dung gửi lên phải là một đối tượng JSON { "at", "action" }.'],
  ])('%s: 400', async (_name, body, message) => {
    const response = await api(editor, 'POST', `/articles/${article.id}/schedule`, body())
    expect([response.status, await response.json()]).toEqual([400, { errors: [{ message }] }])
    expect(await queued()).toBe(0)
  })

  it.each([['an unknown article', '999999'], ['an id that is not a number', 'abc']])('%s: 404', async (_name, id) => {
    const response = await api(editor, 'POST', `/articles/${id}/schedule`, { at: inAnHour(), action: 'publish' })
    expect([response.status, await response.json()]).toEqual([404, { errors: [{ message: 'Không tìm thấy bài viết.' }] }])
  })
})
