/**
 * Visitor statistics, as DESIGN.md defines them: page views, visits split at 30 minutes of
 * silence, online now over 5 minutes, days and months cut at Asia/Ho_Chi_Minh midnight, bots
 * apart, a daily salt that makes yesterday's visitor new; exact counts under concurrency; bad
 * input refused and not counted; the report for editors only, and its CSV.
 */
import type { Payload } from 'payload'

import { CLIENT_IP_HEADER } from '../../src/lib/clientIp'
import { Recorder } from '../../src/stats/recorder'
import { recorderFor } from '../../src/stats/endpoints'
import { articleData, makeCategory, makeUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
const HEADLESS = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36'
const MINUTE = 60_000

let ctx: TestPayload
let payload: Payload
let api: RestClient
let category: number

beforeAll(async () => {
  ctx = await createTestPayload({ STATS_HITS_PER_IP_PER_MINUTE: '5' })
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
})

afterAll(async () => ctx?.close())

const publish = (overrides = {}) => payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published', ...overrides } })

/** A recorder whose clock the test sets (local time in Viet Nam is UTC+7). */
function clocked(startUtc: string) {
  let now = Date.parse(startUtc)
  const recorder = new Recorder(payload, { now: () => now })
  let ips = 0
  return {
    recorder,
    at: (iso: string) => (now = Date.parse(iso)),
    advance: (ms: number) => (now += ms),
    hit: (body: Record<string, unknown>, who: { ip?: string; ua?: string } = {}) =>
      recorder.hit({ body: JSON.stringify(body), ip: who.ip ?? `192.0.2.${++ips}`, userAgent: who.ua ?? CHROME, host: 'localhost:3000' }),
  }
}

async function row(table: 'stats_totals' | 'stats_pages' | 'stats_breakdowns', key: string) {
  const [found] = await recorderFor(payload).db.all(`SELECT * FROM ${table} WHERE key = ?`, [key])
  if (!found) return { pageViews: 0, visits: 0, visitors: 0, bots: 0 }
  return { pageViews: Number(found.page_views), visits: Number(found.visits), visitors: Number(found.visitors ?? 0), bots: Number(found.bots ?? 0) }
}

describe('what the numbers mean', () => {
  it('splits a visitor’s hits into visits at 30 minutes of silence', async () => {
    const c = clocked('2026-03-02T01:00:00Z') // 08:00 in Viet Nam
    const reader = { ip: '198.51.100.7' }
    expect((await c.hit({ path: '/' }, reader)).status).toBe(201)
    c.advance(30 * MINUTE) // a gap of exactly 30 minutes continues the visit
    await c.hit({ path: '/tim-kiem' }, reader)
    c.advance(30 * MINUTE + 1) // over 30 minutes: a new visit
    await c.hit({ path: '/' }, reader)
    expect(await row('stats_totals', 'day:2026-03-02')).toEqual({ pageViews: 3, visits: 2, visitors: 1, bots: 0 })
    // Visits count where they start: the entry page.
    expect((await row('stats_pages', 'day:2026-03-02:/')).visits).toBe(2)
    expect((await row('stats_pages', 'day:2026-03-02:/tim-kiem')).visits).toBe(0)
    expect((await row('stats_pages', 'day:2026-03-02:/tim-kiem')).pageViews).toBe(1)
  })

  it('counts distinct visitors per hour and per day', async () => {
    const c = clocked('2026-03-03T02:10:00Z') // 09:10
    await c.hit({ path: '/' }, { ip: '198.51.100.8' })
    c.advance(25 * MINUTE) // 09:35
    await c.hit({ path: '/' }, { ip: '198.51.100.8' })
    await c.hit({ path: '/' }, { ip: '198.51.100.9' })
    c.at('2026-03-03T03:00:00Z') // 10:00, the next hour, 25 minutes later: the same visit
    await c.hit({ path: '/' }, { ip: '198.51.100.8' })
    expect(await row('stats_totals', 'hour:2026-03-03 09')).toMatchObject({ pageViews: 3, visitors: 2 })
    expect(await row('stats_totals', 'hour:2026-03-03 10')).toMatchObject({ pageViews: 1, visitors: 1, visits: 0 })
    expect(await row('stats_totals', 'day:2026-03-03')).toMatchObject({ pageViews: 4, visitors: 2, visits: 2 })
    expect(await row('stats_pages', 'hour:2026-03-03 09:/')).toMatchObject({ pageViews: 3, visitors: 2 })
  })

  it('counts online now over the last 5 minutes', async () => {
    const c = clocked('2026-03-04T05:00:00Z')
    const first = await c.hit({ path: '/' }, { ip: '198.51.100.10' })
    expect(first.body).toMatchObject({ online: 1 })
    c.advance(4 * MINUTE)
    const second = await c.hit({ path: '/' }, { ip: '198.51.100.11' })
    expect(second.body).toMatchObject({ online: 2 })
    c.advance(MINUTE + 1) // the first reader has been silent for over 5 minutes
    expect((await c.recorder.counters()).online).toBe(1)
  })

  it('cuts days and months at midnight in Viet Nam, and a new day’s salt makes yesterday’s visitor new', async () => {
    const c = clocked('2026-04-30T16:55:00Z') // 23:55 on 30 April in Viet Nam (still 30 April in UTC too)
    const reader = { ip: '198.51.100.12' }
    await c.hit({ path: '/' }, reader)
    c.at('2026-04-30T17:05:00Z') // 00:05 on 1 May in Viet Nam, ten minutes later
    const answer = await c.hit({ path: '/' }, reader)
    expect(await row('stats_totals', 'day:2026-04-30')).toMatchObject({ pageViews: 1, visits: 1, visitors: 1 })
    expect(await row('stats_totals', 'day:2026-05-01')).toMatchObject({ pageViews: 1, visits: 1, visitors: 1 })
    expect(await row('stats_totals', 'month:2026-04')).toMatchObject({ pageViews: 1, visits: 1 })
    expect(await row('stats_totals', 'month:2026-05')).toMatchObject({ pageViews: 1, visits: 1 })
    expect(answer.body).toMatchObject({ today: 1, month: 1 })
    const salts = await c.recorder.db.all(`SELECT day FROM stats_salts WHERE day IN ('2026-04-30', '2026-05-01') ORDER BY day`)
    expect(salts.map((s) => s.day)).toEqual(['2026-04-30', '2026-05-01'])
  })

  it('deletes salts 48 hours after they were made, and never stores an IP or a user agent', async () => {
    const c = clocked('2026-05-10T03:00:00Z')
    await c.hit({ path: '/' }, { ip: '203.0.113.99', ua: CHROME })
    c.advance(48 * 3_600_000 + MINUTE) // past the next purge (at most once a minute)
    await c.hit({ path: '/' }, { ip: '203.0.113.98' })
    const days = (await c.recorder.db.all('SELECT day FROM stats_salts')).map((s) => s.day)
    expect(days).not.toContain('2026-05-10')
    expect(days).toContain('2026-05-12')
    for (const table of ['stats_visitors', 'stats_seen', 'stats_totals', 'stats_pages', 'stats_breakdowns', 'stats_salts']) {
      const dump = JSON.stringify(await c.recorder.db.all(`SELECT * FROM ${table}`))
      expect(dump).not.toContain('203.0.113.9')
      expect(dump).not.toContain('Chrome/131')
    }
  })

  it('keeps bots apart: counted as bots, never as page views, visits or visitors', async () => {
    const c = clocked('2026-05-20T03:00:00Z')
    const article = await publish()
    await c.hit({ path: '/' }, { ua: GOOGLEBOT })
    await c.hit({ path: '/' }, { ua: HEADLESS })
    await c.hit({ path: '/' }, { ua: '' })
    await c.hit({ path: `/bai-viet/${article.slug}`, article: article.id, webdriver: true })
    expect(await row('stats_totals', 'day:2026-05-20')).toEqual({ pageViews: 0, visits: 0, visitors: 0, bots: 4 })
    expect((await row('stats_breakdowns', '2026-05-20:bot:Googlebot')).pageViews).toBe(1)
    expect((await payload.findByID({ collection: 'articles', id: article.id })).viewCount).toBe(0)
    expect((await c.recorder.counters()).online).toBe(0)
  })

  it('records the client’s browser, OS, device and referring site', async () => {
    const c = clocked('2026-05-21T03:00:00Z')
    await c.hit({ path: '/', referrer: 'https://www.google.com/search?q=x', screen: 390 }, { ua: IPHONE })
    await c.hit({ path: '/tim-kiem', referrer: 'http://localhost:3000/' }, { ua: IPHONE, ip: '192.0.2.200' })
    expect((await row('stats_breakdowns', '2026-05-21:referrer:google.com')).visits).toBe(1)
    expect((await row('stats_breakdowns', '2026-05-21:referrer:(trực tiếp)')).pageViews).toBe(0)
    expect((await row('stats_breakdowns', '2026-05-21:device:mobile')).pageViews).toBe(2)
    expect((await row('stats_breakdowns', '2026-05-21:os:iOS')).pageViews).toBe(2)
    expect((await row('stats_breakdowns', '2026-05-21:browser:Mobile Safari')).pageViews).toBe(2)
  })

  it('answers an article hit with its view count and rating, and adds the imported starting total', async () => {
    const c = clocked('2026-06-01T03:00:00Z')
    const article = await publish()
    const site = {
      portalName: 'Cổng thông tin thử',
      agencyName: 'UBND tỉnh',
      responsiblePerson: 'Nguyễn Văn A',
      address: 'Đồng Xoài',
      phone: '0271 000 000',
      email: 'ubnd@example.vn',
    }
    await payload.updateGlobal({ slug: 'site', data: { ...site, statsStartingTotal: 447_000_000 } })
    c.recorder.forgetStartingTotal()
    const first = await c.hit({ path: `/bai-viet/${article.slug}`, article: article.id })
    const second = await c.hit({ path: `/bai-viet/${article.slug}`, article: article.id })
    expect(first.body).toMatchObject({ article: { id: article.id, views: 1, rating: { count: 0, average: 0 } } })
    expect(second.body).toMatchObject({ article: { views: 2 } })
    const all = await row('stats_totals', 'all:all')
    expect((second.body as { total: number }).total).toBe(447_000_000 + all.visits)
    await payload.updateGlobal({ slug: 'site', data: { statsStartingTotal: 0 } })
  })
})

describe('POST /api/stats/hit', () => {
  let ip = 0
  const send = (body: string | undefined, headers: Record<string, string> = {}) =>
    api.request('POST', '/stats/hit', { body, headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: `10.9.${Math.floor(++ip / 250)}.${ip % 250}`, 'user-agent': CHROME, ...headers } })
  const allTime = async () => row('stats_totals', 'all:all')

  it('counts N concurrent hits exactly N times', async () => {
    const article = await publish()
    const before = await allTime()
    const N = 300
    const answers = await Promise.all(
      Array.from({ length: N }, () => send(JSON.stringify({ path: `/bai-viet/${article.slug}`, article: article.id }))),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(201))
    const after = await allTime()
    expect(after.pageViews - before.pageViews).toBe(N)
    expect(after.visits - before.visits).toBe(N)
    expect((await payload.findByID({ collection: 'articles', id: article.id })).viewCount).toBe(N)
  })

  it('counts every hit while the newsroom saves the article and readers vote on it at the same moment', async () => {
    // On SQLite the hits are written through a connection of their own, beside Payload's.
    const article = await publish()
    const before = await allTime()
    const N = 200
    const [hits, , votes] = await Promise.all([
      Promise.all(Array.from({ length: N }, () => send(JSON.stringify({ path: `/bai-viet/${article.slug}`, article: article.id })))),
      // an editor saving five times in a row (one person's saves do not overlap)
      (async () => {
        for (let i = 1; i <= 5; i += 1) await payload.update({ collection: 'articles', id: article.id, data: { lead: `Sapo sửa lần ${i}.` } })
      })(),
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.request('POST', `/articles/${article.id}/rating`, { json: { score: 5 }, headers: { [CLIENT_IP_HEADER]: `10.77.0.${i + 1}` } }),
        ),
      ),
    ])
    expect(hits.map((a) => a.status)).toEqual(Array(N).fill(201))
    expect(votes.map((a) => a.status)).toEqual(Array(20).fill(201))
    expect((await allTime()).pageViews - before.pageViews).toBe(N)
    const saved = await payload.findByID({ collection: 'articles', id: article.id })
    expect(saved).toMatchObject({ viewCount: N, ratingCount: 20, ratingTotal: 100 })
    expect(saved.lead).toBe('Sapo sửa lần 5.')
  })

  it('refuses bad input with a 400 in Vietnamese and counts nothing', async () => {
    const draft = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'draft' }, draft: true })
    const before = await allTime()
    const cases: [string | undefined, RegExp][] = [
      [undefined, /JSON/],
      ['', /JSON/],
      ['not json', /JSON/],
      ['[]', /JSON/],
      ['{"path": 5}', /JSON/],
      ['{}', /JSON/],
      [JSON.stringify({ path: '/admin' }), /không thuộc cổng/],
      [JSON.stringify({ path: '/api/users' }), /không thuộc cổng/],
      [JSON.stringify({ path: 'https://evil.example/' }), /không thuộc cổng/],
      [JSON.stringify({ path: '/bai-viet/x', article: '1' }), /Mã bài viết/],
      [JSON.stringify({ path: '/bai-viet/x', article: -3 }), /Mã bài viết/],
      [JSON.stringify({ path: '/bai-viet/x', article: 999999 }), /Không tìm thấy bài viết/],
      [JSON.stringify({ path: '/bai-viet/x', article: draft.id }), /Không tìm thấy bài viết/],
      [JSON.stringify({ path: '/', screen: -1 }), /screen/],
      [JSON.stringify({ path: '/', screen: 1.5 }), /screen/],
      [JSON.stringify({ path: '/', referrer: 'javascript:alert(1)' }), /referrer/],
      [JSON.stringify({ path: '/', webdriver: 'yes' }), /webdriver/],
      [JSON.stringify({ path: '/', padding: 'x'.repeat(5000) }), /4 KB/],
    ]
    for (const [body, message] of cases) {
      const response = await send(body)
      expect({ body, status: response.status }).toEqual({ body, status: 400 })
      const json = (await response.json()) as { errors: { message: string }[] }
      expect(json.errors[0]!.message).toMatch(message)
    }
    expect(await allTime()).toEqual(before)
  })

  it('limits hits per IP address: 429 with Retry-After, and the refused hit is not counted', async () => {
    const before = await allTime()
    const headers = { [CLIENT_IP_HEADER]: '10.200.0.1' }
    const statuses: number[] = []
    for (let i = 0; i < 6; i += 1) statuses.push((await send(JSON.stringify({ path: '/' }), headers)).status)
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    const refused = await send(JSON.stringify({ path: '/' }), headers)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await allTime()).pageViews - before.pageViews).toBe(5)
  })

  it('GET /api/health answers 200 while the database answers', async () => {
    const response = await api.request('GET', '/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })
})

describe('GET /api/stats/report', () => {
  it('refuses anonymous callers and reporters; editors and admins read it', async () => {
    expect((await api.request('GET', '/stats/report')).status).toBe(401)
    const reporter = await makeUser(payload, 'reporter')
    const reporterToken = await api.login(reporter.email, reporter.password)
    const refused = await api.request('GET', '/stats/report', { token: reporterToken })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/quản trị viên và biên tập viên/)
    const editor = await makeUser(payload, 'editor')
    const token = await api.login(editor.email, editor.password)
    expect((await api.request('GET', '/stats/report', { token })).status).toBe(200)
  })

  it('reports a range by day with the previous period, top articles and breakdowns', async () => {
    const editor = await makeUser(payload, 'editor', 'editor2')
    const token = await api.login(editor.email, editor.password)
    const article = await publish({ title: 'Bài được xem nhiều nhất' })
    const c = clocked('2026-07-10T03:00:00Z')
    for (let i = 0; i < 3; i += 1) await c.hit({ path: `/bai-viet/${article.slug}`, article: article.id, referrer: 'https://facebook.com/' })
    c.at('2026-07-03T03:00:00Z') // in the previous period
    await c.hit({ path: '/' })
    await c.hit({ path: '/' }, { ua: GOOGLEBOT })

    const response = await api.request('GET', '/stats/report?from=2026-07-08&to=2026-07-14&granularity=day', { token })
    expect(response.status).toBe(200)
    const report = (await response.json()) as import('../../src/stats/report').Report
    expect(report.current.series.map((p) => p.bucket)).toEqual(['2026-07-08', '2026-07-09', '2026-07-10', '2026-07-11', '2026-07-12', '2026-07-13', '2026-07-14'])
    expect(report.current.series[2]).toMatchObject({ pageViews: 3, visits: 3 })
    expect(report.current.totals).toMatchObject({ pageViews: 3, visits: 3, bots: 0 })
    expect(report.previous).toMatchObject({ from: '2026-07-01', to: '2026-07-07', totals: { pageViews: 1, visits: 1, bots: 1 } })
    expect(report.topArticles[0]).toMatchObject({ id: article.id, label: 'Bài được xem nhiều nhất', pageViews: 3 })
    expect(report.referrers).toEqual([{ label: 'facebook.com', pageViews: 3, visits: 3 }])
    expect(report.devices).toEqual([{ label: 'desktop', pageViews: 3, visits: 3 }])

    const monthly = (await (await api.request('GET', '/stats/report?from=2026-06-01&to=2026-07-31&granularity=month', { token })).json()) as typeof report
    expect(monthly.current.series.map((p) => [p.bucket, p.pageViews])).toEqual([['2026-06', expect.any(Number)], ['2026-07', 4]])
    expect(monthly.topArticles[0]).toMatchObject({ id: article.id, pageViews: 3 })
  })

  it('gives a day the same number of visitors whether it is read by hour, day or month (DESIGN: distinct per day, summed over days)', async () => {
    const editor = await makeUser(payload, 'editor', 'editor-granularity')
    const token = await api.login(editor.email, editor.password)
    const c = clocked('2026-09-10T02:00:00Z') // 09:00 in Viet Nam
    await c.hit({ path: '/' }, { ip: '198.51.100.40' })
    await c.hit({ path: '/' }, { ip: '198.51.100.41' })
    c.at('2026-09-10T04:00:00Z') // 11:00: the first reader again, in another hour of the same day
    await c.hit({ path: '/' }, { ip: '198.51.100.40' })

    const visitors = async (query: string) =>
      ((await (await api.request('GET', `/stats/report?${query}`, { token })).json()) as import('../../src/stats/report').Report).current.totals.visitors
    expect(await visitors('from=2026-09-10&to=2026-09-10&granularity=day')).toBe(2)
    expect(await visitors('from=2026-09-10&to=2026-09-10&granularity=hour')).toBe(2)
    expect(await visitors('from=2026-09-01&to=2026-09-30&granularity=month')).toBe(2)
  })

  it('exports what it shows as CSV, with formulas defused', async () => {
    const editor = await makeUser(payload, 'editor', 'editor3')
    const token = await api.login(editor.email, editor.password)
    const c = clocked('2026-08-05T03:00:00Z')
    await c.hit({ path: '/', referrer: 'https://=cmd.example/' }).catch(() => null)
    await c.hit({ path: '/', referrer: 'https://baobinhphuoc.com.vn/' })
    const response = await api.request('GET', '/stats/report?from=2026-08-05&to=2026-08-05&format=csv', { token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/csv/)
    expect(response.headers.get('content-disposition')).toContain('thong-ke-2026-08-05-2026-08-05.csv')
    const text = await response.text()
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe('Bảng,Nhãn,Lượt xem trang,Lượt truy cập,Khách,Bot')
    expect(lines).toContain('Theo thời gian,2026-08-05,2,2,2,0')
    expect(lines).toContain('Nguồn truy cập,baobinhphuoc.com.vn,1,1,,')
    expect(lines).toContain('Thiết bị,Máy tính,2,2,,')
    for (const line of lines) expect(line).not.toMatch(/,=/)
  })

  it('refuses malformed ranges with a 400', async () => {
    const admin = await makeUser(payload, 'admin', 'admin2')
    const token = await api.login(admin.email, admin.password)
    for (const [query, message] of [
      ['from=2026-02-30', /ngày có thật/],
      ['from=hôm-qua', /YYYY-MM-DD/],
      ['from=2026-07-10&to=2026-07-01', /trước hoặc bằng/],
      ['from=2000-01-01&to=2026-01-01', /tối đa 3660/],
      ['from=2026-01-01&to=2026-03-01&granularity=hour', /theo giờ tối đa/],
      ['granularity=week', /hour, day, month/],
      ['format=xml', /json hoặc csv/],
    ] as const) {
      const response = await api.request('GET', `/stats/report?${query}`, { token })
      expect({ query, status: response.status }).toEqual({ query, status: 400 })
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(message)
    }
  })
})
