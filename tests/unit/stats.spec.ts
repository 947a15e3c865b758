/** Where a hit falls in Viet Nam's calendar, what a valid hit is, and who sent it. */
import { classifyClient, referrerHost } from '../../src/stats/classify'
import { isPortalPath, parseHit } from '../../src/stats/hit'
import { planBatch, type RecordedHit } from '../../src/stats/plan'
import { coverRange, parseReportQuery, previousPeriod } from '../../src/stats/report'
import { bucketEnd, bucketsOf, bucketStart } from '../../src/stats/time'

describe('periods in Asia/Ho_Chi_Minh', () => {
  it('cuts the day at local midnight (17:00 UTC)', () => {
    expect(bucketsOf(Date.parse('2026-11-27T16:59:59.999Z'))).toEqual({ hour: '2026-11-27 23', day: '2026-11-27', month: '2026-11', year: '2026' })
    expect(bucketsOf(Date.parse('2026-11-27T17:00:00Z'))).toEqual({ hour: '2026-11-28 00', day: '2026-11-28', month: '2026-11', year: '2026' })
  })

  it('cuts months and years at local midnight too', () => {
    expect(bucketsOf(Date.parse('2026-11-30T17:00:00Z')).month).toBe('2026-12')
    expect(bucketsOf(Date.parse('2026-12-31T17:00:00Z'))).toMatchObject({ day: '2027-01-01', month: '2027-01', year: '2027' })
    expect(bucketsOf(Date.parse('2028-02-28T17:00:00Z')).day).toBe('2028-02-29')
  })

  it('knows when each period starts and ends, in UTC', () => {
    expect(new Date(bucketStart('2026-11-27')).toISOString()).toBe('2026-11-26T17:00:00.000Z')
    expect(new Date(bucketEnd('2026-11-27')).toISOString()).toBe('2026-11-27T17:00:00.000Z')
    expect(new Date(bucketEnd('2026-11-27 08')).toISOString()).toBe('2026-11-27T02:00:00.000Z')
    expect(new Date(bucketEnd('2026-12')).toISOString()).toBe('2026-12-31T17:00:00.000Z')
    expect(new Date(bucketEnd('2026')).toISOString()).toBe('2026-12-31T17:00:00.000Z')
  })
})

describe('a hit', () => {
  it('names a portal page', () => {
    for (const path of ['/', '/en', '/bai-viet/mot-bai', '/en/bai-viet/a-b', '/chuyen-muc/thoi-su', '/chuyen-muc/thoi-su/trang/2', '/tac-gia/ban-bien-tap', '/the/chuyển đổi số', '/tim-kiem']) {
      expect({ path, ok: isPortalPath(path) }).toEqual({ path, ok: true })
    }
    for (const path of ['/admin', '/api/stats/hit', '/_next/static/x.js', '/bai-viet/', '/bai-viet/A', '//evil', '/chuyen-muc/x/trang/0', 'bai-viet/x']) {
      expect({ path, ok: isPortalPath(path) }).toEqual({ path, ok: false })
    }
  })

  it('parses the fields it knows and refuses wrong types', () => {
    expect(parseHit('{"path":"/the/chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91","screen":390}')).toEqual({
      ok: true,
      hit: { path: '/the/chuyển đổi số', article: null, referrer: null, screen: 390, automated: false },
    })
    expect(parseHit('{"path":"/%E0%A4%A"}')).toMatchObject({ ok: false })
    expect(parseHit(JSON.stringify({ path: '/', article: 1e20 }))).toMatchObject({ ok: false })
    expect(parseHit(JSON.stringify({ path: '/', referrer: 'ftp://x' }))).toMatchObject({ ok: false })
  })

  it('tells bots, browsers, systems and devices apart', () => {
    expect(classifyClient('Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', null, false).bot).toBe('bingbot')
    expect(classifyClient('curl/8.5.0', null, false).bot).not.toBeNull()
    expect(classifyClient('', null, false).bot).toBe('không có user agent')
    const android = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
    expect(classifyClient(android, 412, false)).toEqual({ bot: null, browser: 'Chrome', os: 'Android', device: 'mobile' })
    const desktop = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
    expect(classifyClient(desktop, 1920, false)).toMatchObject({ bot: null, os: 'Windows', device: 'desktop' })
    expect(classifyClient(desktop, 1920, true).bot).toBe('trình duyệt tự động')
  })

  it('names the referring site, not the portal itself', () => {
    expect(referrerHost('https://www.google.com.vn/search?q=x', 'binhphuoc.gov.vn')).toBe('google.com.vn')
    expect(referrerHost('https://binhphuoc.gov.vn/bai-viet/x', 'www.binhphuoc.gov.vn')).toBeNull()
    expect(referrerHost(null, 'binhphuoc.gov.vn')).toBe('')
  })
})

describe('a batch of hits', () => {
  const at = (iso: string, visitor: string | null, path = '/'): RecordedHit => ({
    t: Date.parse(iso),
    path,
    article: null,
    visitor,
    bot: visitor ? null : 'Googlebot',
    browser: 'Chrome',
    os: 'Windows',
    device: 'desktop',
    referrerHost: '',
  })

  it('continues a visit the database already knows, and starts one after 30 minutes of silence', () => {
    const seen = new Map([['v1', Date.parse('2026-11-27T01:00:00Z')], ['v2', Date.parse('2026-11-27T00:20:00Z')]])
    const plan = planBatch([at('2026-11-27T01:10:00Z', 'v1'), at('2026-11-27T01:10:00Z', 'v2')], seen, new Set())
    const day = plan.totals.find((r) => r.key === 'day:2026-11-27')!
    expect(day).toMatchObject({ pageViews: 2, visits: 1, visitors: 0, bots: 0 })
    expect(plan.presence).toEqual([
      ['v1', Date.parse('2026-11-27T01:10:00Z')],
      ['v2', Date.parse('2026-11-27T01:10:00Z')],
    ])
  })

  it('orders its rows by key, so that concurrent transactions lock in the same order', () => {
    const plan = planBatch([at('2026-11-27T01:00:00Z', 'b', '/tim-kiem'), at('2026-11-27T01:00:00Z', 'a', '/'), at('2026-11-27T01:00:00Z', null)], new Map(), new Set())
    for (const rows of [plan.totals, plan.pages, plan.breakdowns]) {
      const keys = rows.map((r) => r.key)
      expect(keys).toEqual([...keys].sort())
    }
    expect(plan.totals.find((r) => r.key === 'all:all')).toMatchObject({ pageViews: 2, visits: 2, bots: 1 })
  })
})

describe('report ranges', () => {
  it('compares with the period of the same length just before', () => {
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-02', to: '2026-10-31' })
    expect(previousPeriod('2026-03-01', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' })
  })

  it('reads whole months from month rows and the rest from day rows', () => {
    const { months, days } = coverRange('2026-01-15', '2026-04-02')
    expect(months).toEqual(['2026-02', '2026-03'])
    expect(days).toHaveLength(17 + 2)
    expect(days[0]).toBe('2026-01-15')
    expect(days.at(-1)).toBe('2026-04-02')
  })

  it('defaults to the last 30 days by day', () => {
    expect(parseReportQuery(new URLSearchParams(), '2026-11-27')).toEqual({ ok: true, query: { from: '2026-10-29', to: '2026-11-27', granularity: 'day' } })
  })
})
