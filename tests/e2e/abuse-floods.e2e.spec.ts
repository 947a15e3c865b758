/**
 * Abuse by floods of costly requests, against the real server (`npm start`) with the stranger's
 * meter at 30 points per 3 s window (scripts/throttle.mjs: a list of 100 articles two deep costs 31,
 * capped at a whole window; a search 20; a query 1; a page's error 1): one address asking for
 * lists, searches or random pages is told to wait, readers of cached pages are not, and staff
 * with a real session are never metered.
 */
import { type RunningApp, startApp } from '../helpers/app'
import { readerWaits, tokenOf } from '../helpers/abuse'

let app: RunningApp
beforeAll(async () => {
  app = await startApp({ ANON_REQUESTS_PER_IP_PER_MINUTE: '600', ANON_METER_WINDOW_SECONDS: '3' })
}, 600_000)
afterAll(async () => {
  await app?.stop()
})

const freshWindow = () => new Promise((resolve) => setTimeout(resolve, 3500))

const statusOf = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}${path}`, { headers })
  await response.arrayBuffer()
  return { status: response.status, retryAfter: response.headers.get('retry-after') }
}

describe('a stranger flooding the server with costly requests', () => {
  it('gets one list of 100 articles two deep per window, then 429 with Retry-After and a Vietnamese reason; cached pages keep coming', async () => {
    await readerWaits(app) // the home page is in the page bytes from here on
    await freshWindow()
    const statuses = []
    for (let i = 0; i < 10; i++) statuses.push((await statusOf(`/api/articles?limit=100&depth=2&page=${i + 1}`)).status)
    expect(statuses).toEqual([200, ...Array(9).fill(429)])
    const refused = await fetch(`${app.url}/api/articles?limit=100`)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await refused.json()).toEqual({ errors: [{ message: 'Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau ít giây.' }] })
    // the same address still reads the cached home page, as fast as ever
    expect(await readerWaits(app)).toBeLessThan(500)
  })

  it('is not let through by a made-up session cookie', async () => {
    await freshWindow()
    await statusOf('/api/articles?limit=100&depth=2') // the window's points
    const fake = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJl'
    expect((await statusOf('/api/articles?limit=1', { cookie: `payload-token=${fake}` })).status).toBe(429)
  })

  it('a logged-in editor is never metered: 40 lists of 100 in a row all answer 200', async () => {
    await freshWindow()
    const token = await tokenOf(app, app.accounts.editor)
    const statuses = []
    for (let i = 0; i < 40; i++) statuses.push((await statusOf('/api/articles?limit=100&depth=2', { authorization: `JWT ${token}` })).status)
    expect(statuses.every((status) => status === 200)).toBe(true)
  })

  it("a scanner's random addresses (404s) use up its points, then even its uncached pages wait", async () => {
    await freshWindow()
    const statuses = []
    for (let i = 0; i < 34; i++) statuses.push((await statusOf(`/bai-viet/khong-co-bai-${Date.now()}-${i}`)).status)
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404))
    expect(statuses.slice(-3)).toEqual(Array(3).fill(429))
  })

  it('a search costs twenty points: one per window, the next waits', async () => {
    await freshWindow()
    const statuses = []
    for (const q of ['cai cach', 'tin tuc']) statuses.push((await statusOf(`/tim-kiem?q=${encodeURIComponent(q)}`)).status)
    expect(statuses).toEqual([200, 429])
  })
})
