/**
 * Abuse by floods of costly requests, against the real server (`npm start`) with the stranger's
 * meter at 120 points a minute (10 per 5 s): one address asking for lists and searches is told to
 * wait, readers of cached pages are not, and staff with a real session are never metered.
 */
import { type RunningApp, startApp } from '../helpers/app'
import { readerWaits, tokenOf } from '../helpers/abuse'

let app: RunningApp
beforeAll(async () => {
  app = await startApp({ ANON_REQUESTS_PER_IP_PER_MINUTE: '120' })
}, 600_000)
afterAll(async () => {
  await app?.stop()
})

const statusOf = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}${path}`, { headers })
  await response.arrayBuffer()
  return { status: response.status, retryAfter: response.headers.get('retry-after') }
}

describe('a stranger flooding the server with costly requests', () => {
  it('gets 10 lists of 100 articles in 5 s, then 429 with Retry-After and a Vietnamese reason; cached pages keep coming', async () => {
    await readerWaits(app) // the home page is in the page bytes from here on
    await new Promise((resolve) => setTimeout(resolve, 5000)) // a fresh window
    const statuses = []
    for (let i = 0; i < 30; i++) statuses.push((await statusOf(`/api/articles?limit=100&depth=2&page=${i + 1}`)).status)
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(10)
    expect(statuses.slice(-15).every((status) => status === 429)).toBe(true)
    const refused = await fetch(`${app.url}/api/articles?limit=100`)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await refused.json()).toEqual({ errors: [{ message: 'Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau ít giây.' }] })
    // the same address still reads the cached home page, as fast as ever
    expect(await readerWaits(app)).toBeLessThan(500)
  })

  it('is not let through by a made-up session cookie', async () => {
    const fake = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJl'
    expect((await statusOf('/api/articles?limit=1', { cookie: `payload-token=${fake}` })).status).toBe(429)
  })

  it('a logged-in editor is never metered: 40 list requests in a row all answer 200', async () => {
    const token = await new Promise<string>((resolve) => setTimeout(resolve, 5000)).then(() => tokenOf(app, app.accounts.editor))
    const statuses = []
    for (let i = 0; i < 40; i++) statuses.push((await statusOf('/api/articles?limit=5&depth=0', { authorization: `JWT ${token}` })).status)
    expect(statuses.every((status) => status === 200)).toBe(true)
  })

  it("a scanner's random addresses (404s) use up its points, then even its uncached pages wait", async () => {
    await new Promise((resolve) => setTimeout(resolve, 5000))
    const statuses = []
    for (let i = 0; i < 16; i++) statuses.push((await statusOf(`/bai-viet/khong-co-bai-${Date.now()}-${i}`)).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404))
    expect(statuses.slice(-4)).toEqual(Array(4).fill(429))
  })

  it('searches cost five points: two in 5 s, the third waits', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5000))
    const statuses = []
    for (const q of ['cai cach', 'tin tuc', 'du lich']) statuses.push((await statusOf(`/tim-kiem?q=${encodeURIComponent(q)}`)).status)
    expect(statuses).toEqual([200, 200, 429])
  })
})
