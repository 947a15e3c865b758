/**
 * NukeViet's figures moved over (src/import/nukeviet/figures.ts): article views and ratings as a
 * base that what is counted here adds to, and the visit counter's history, which the counter
 * block goes on from and the statistics report shows, marked as imported.
 */
import crypto from 'node:crypto'

import mysql from 'mysql2/promise'
import type { Payload } from 'payload'

import { type FiguresSummary, figuresSummaryLines, importFigures } from '../../src/import/nukeviet/figures'
import { castVote, recomputeTotals } from '../../src/ratings/store'
import { Recorder } from '../../src/stats/recorder'
import { buildReport, parseReportQuery, reportCsv } from '../../src/stats/report'
import { articleData, makeCategory } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

const MARIADB = process.env.NUKEVIET_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306'
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

let ctx: TestPayload
let payload: Payload
let category: number
let server: mysql.Connection
let nukeviet: mysql.Connection
const database = `nv_figures_${process.pid}_${crypto.randomBytes(3).toString('hex')}`

// NukeViet 4.5's counter as the visible data set has it (dumped at 2026-12-01 02:56:33 in Viet
// Nam, 1796068593), cut down; with a day and an hour row left over from earlier periods, which
// NukeViet resets only when a visit comes in a new period.
const LAST = 1796068593 // 2026-11-30 19:56:33 UTC
const NOV_15 = 1794733200 // 2026-11-15 07:00 in Viet Nam
const YESTERDAY = 1796029200 // 2026-11-30 16:00 in Viet Nam
const YEARS: [string, number][] = [
  ['2016', 8412305], ['2017', 16874220], ['2018', 24106913], ['2019', 31550478], ['2020', 40218664],
  ['2021', 47905317], ['2022', 52114780], ['2023', 55630142], ['2024', 57402896], ['2025', 57493646],
]
const MONTHS: [string, number][] = [
  ['Jan', 5074353], ['Feb', 5092718], ['Mar', 4943022], ['Apr', 5083857], ['May', 5075032], ['Jun', 4941265],
  ['Jul', 5029394], ['Aug', 4919126], ['Sep', 5138681], ['Oct', 5113727], ['Nov', 4885153], ['Dec', 3672],
]
const COUNTER: [type: string, value: string, lastUpdate: number, count: number][] = [
  ['c_time', 'start', 0, 1458003600], // 2016-03-15 08:00 in Viet Nam
  ['c_time', 'last', 0, LAST],
  ['total', 'hits', LAST, 447009361],
  ...YEARS.map(([y, n]): [string, string, number, number] => ['year', y, 0, n]),
  ['year', '2026', LAST, 55300000],
  ['year', '2027', 0, 0],
  ...MONTHS.map(([m, n]): [string, string, number, number] => ['month', m, LAST, n]),
  ['day', '01', LAST, 3672],
  ['day', '02', 0, 0],
  ['day', '15', NOV_15, 150000],
  ['hour', '00', LAST, 1320],
  ['hour', '01', LAST, 1437],
  ['hour', '02', LAST, 915],
  ['hour', '14', YESTERDAY, 5000],
  ['browser', 'chrome', LAST, 205624306],
  ['browser', 'Mobile', LAST, 93871965],
  ['browser', 'amaya', 0, 0],
  ['os', 'android', LAST, 147513089],
  ['os', 'win10', LAST, 138572901],
  ['country', 'VN', LAST, 415718705],
  ['country', 'US', LAST, 8940187],
  ['bot', 'googlebot', LAST, 11085831],
  ['dayofweek', 'Monday', LAST, 75991591],
]

const NEWS_ROWS = (lang: string) => `CREATE TABLE nv4_${lang}_news_rows (
  id int(11) unsigned NOT NULL AUTO_INCREMENT,
  catid smallint(5) unsigned NOT NULL DEFAULT 0,
  title varchar(250) NOT NULL DEFAULT '',
  status tinyint(4) NOT NULL DEFAULT 1,
  hitstotal mediumint(8) unsigned NOT NULL DEFAULT 0,
  hitscm mediumint(8) unsigned NOT NULL DEFAULT 0,
  total_rating int(11) NOT NULL DEFAULT 0,
  click_rating int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  category = (await makeCategory(payload)).id
  server = await mysql.createConnection(MARIADB)
  await server.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  nukeviet = await mysql.createConnection(`${MARIADB}/${database}`)
  await nukeviet.query(`CREATE TABLE nv4_counter (
    c_type varchar(100) NOT NULL, c_val varchar(100) NOT NULL, last_update int(11) NOT NULL DEFAULT 0,
    c_count int(11) unsigned NOT NULL DEFAULT 0, vi_count int(11) unsigned NOT NULL DEFAULT 0,
    UNIQUE KEY c_type (c_type, c_val)
  ) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`)
  await nukeviet.query('INSERT INTO nv4_counter (c_type, c_val, last_update, c_count, vi_count) VALUES ?', [COUNTER.map((r) => [...r, r[3]])])
  await nukeviet.query(NEWS_ROWS('vi'))
  await nukeviet.query(NEWS_ROWS('en'))
  await nukeviet.query('INSERT INTO nv4_vi_news_rows (id, catid, title, status, hitstotal, total_rating, click_rating) VALUES ?', [
    [
      [1, 1, 'Bài đã hết hạn', 3, 3650, 0, 0],
      [7, 5, 'Bài bị đình chỉ', 0, 1766, 13, 3],
      [24, 2, 'Chủ tịch UBND tỉnh làm việc với huyện Bù Đăng', 1, 2841, 17, 5],
      [31, 1, 'Bài chưa chuyển', 1, 500, 9, 2],
    ],
  ])
  await nukeviet.query('INSERT INTO nv4_en_news_rows (id, catid, title, status, hitstotal, total_rating, click_rating) VALUES ?', [
    [[3, 1, 'Investment promotion', 1, 120, 8, 2]],
  ])
})

afterAll(async () => {
  await nukeviet?.end()
  await server?.query(`DROP DATABASE IF EXISTS ${database}`)
  await server?.end()
  await ctx?.close()
})

const publish = (overrides = {}) =>
  payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published', ...overrides }, overrideAccess: true })

const figuresOf = async (id: number) => {
  const a = await payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })
  return { views: a.viewCount, ratingTotal: a.ratingTotal, ratingCount: a.ratingCount }
}

describe('ratings carried over', () => {
  it('"Tính lại điểm" keeps the imported base and adds the votes cast here', async () => {
    const article = await publish()
    // as the importer leaves an article NukeViet rated 17 points in 5 votes
    await payload.db.updateOne({
      collection: 'articles',
      id: article.id,
      data: { ratingBaseTotal: 17, ratingBaseCount: 5, ratingTotal: 17, ratingCount: 5 },
      returning: false,
    })
    const cast = await castVote(payload, { articleId: article.id, score: 4, voterKey: 'reader-1', ipHash: 'ip-1' })
    expect(cast).toMatchObject({ inserted: true, total: 21, count: 5 + 1 })
    await recomputeTotals(payload)
    expect(await figuresOf(article.id)).toMatchObject({ ratingTotal: 21, ratingCount: 6 })
  })
})

/** The articles the importer made (with their NukeViet keys), by key. */
const articles = new Map<string, number>()
const imported = async (key: string) => {
  const article = await publish({ nukevietKey: key })
  articles.set(key, article.id)
  return article.id
}
const run = (dryRun = false, log?: (line: string) => void): Promise<FiguresSummary> =>
  importFigures({ payload, mysql: nukeviet, prefix: 'nv4', langs: ['vi', 'en'], dryRun, articleIdByKey: async (key) => articles.get(key), log })

const importedRows = async () => {
  const { docs } = await payload.find({ collection: 'stats-imported', pagination: false, sort: 'key', overrideAccess: true })
  return docs.map((d) => [d.key, d.visits])
}

/** A recorder whose clock is 2026-12-01 08:00 in Viet Nam, the morning after the move. */
const morning = () => {
  const now = Date.parse('2026-12-01T01:00:00Z')
  const recorder = new Recorder(payload, { now: () => now })
  return {
    recorder,
    hit: (body: Record<string, unknown>, ip: string) => recorder.hit({ body: JSON.stringify(body), ip, userAgent: CHROME, host: 'localhost:3000' }),
  }
}

describe('importFigures', () => {
  it('a dry run reads and counts everything, and writes nothing', async () => {
    for (const key of ['vi:news_rows:1', 'vi:news_rows:7', 'vi:news_rows:24', 'en:news_rows:3']) await imported(key)
    const lines: string[] = []
    const summary = await run(true, (line) => lines.push(line))
    expect(summary).toEqual({
      dryRun: true,
      articles: { read: 5, set: 4, unchanged: 0, missing: 1, missingKeys: ['vi:news_rows:31'], rated: 3 },
      counter: { found: true, total: 447009361, from: '2016-03-15 08:00', to: '2026-12-01 02:00', rows: 38, written: 38, deleted: 0, startingTotal: 0 },
    })
    expect(lines).toEqual(figuresSummaryLines(summary))
    expect(lines[1]).toBe('Bỏ qua 1 dòng chưa có bài viết tương ứng: vi:news_rows:31.')
    expect(await figuresOf(articles.get('vi:news_rows:24')!)).toEqual({ views: 0, ratingTotal: 0, ratingCount: 0 })
    expect(await importedRows()).toEqual([])
  })

  it('moves hitstotal to the view count and the rating to a base, per language', async () => {
    const summary = await run()
    expect(summary.articles).toEqual({ read: 5, set: 4, unchanged: 0, missing: 1, missingKeys: ['vi:news_rows:31'], rated: 3 })
    expect(await figuresOf(articles.get('vi:news_rows:1')!)).toEqual({ views: 3650, ratingTotal: 0, ratingCount: 0 })
    expect(await figuresOf(articles.get('vi:news_rows:7')!)).toEqual({ views: 1766, ratingTotal: 13, ratingCount: 3 })
    expect(await figuresOf(articles.get('vi:news_rows:24')!)).toEqual({ views: 2841, ratingTotal: 17, ratingCount: 5 })
    expect(await figuresOf(articles.get('en:news_rows:3')!)).toEqual({ views: 120, ratingTotal: 8, ratingCount: 2 })
  })

  it('moves the counter at the granularity NukeViet kept, leaving out rows of earlier periods', async () => {
    const rows = await importedRows()
    // all, start and last, 11 years, 12 months, 1 day, 3 hours, 8 breakdown values
    expect(rows).toHaveLength(3 + 11 + 12 + 1 + 3 + 8)
    expect(rows).toEqual(
      expect.arrayContaining([
        ['nukeviet:all:all', 447009361],
        ['nukeviet:year:2016', 8412305],
        ['nukeviet:year:2025', 57493646],
        ['nukeviet:year:2026', 55300000],
        ['nukeviet:month:2026-01', 5074353],
        ['nukeviet:month:2026-11', 4885153],
        ['nukeviet:month:2026-12', 3672],
        ['nukeviet:day:2026-12-01', 3672],
        ['nukeviet:hour:2026-12-01 00', 1320],
        ['nukeviet:hour:2026-12-01 01', 1437],
        ['nukeviet:hour:2026-12-01 02', 915],
        ['nukeviet:browser:chrome', 205624306],
        ['nukeviet:browser:Mobile', 93871965],
        ['nukeviet:os:android', 147513089],
        ['nukeviet:country:VN', 415718705],
        ['nukeviet:bot:googlebot', 11085831],
        ['nukeviet:dayofweek:Monday', 75991591],
        ['nukeviet:span:start', 1458003600],
        ['nukeviet:span:last', LAST],
      ]),
    )
    // day 15 was counted in November, hour 14 yesterday; the year 2027 and amaya are zeros
    expect(rows.map(([key]) => key).filter((key) => /day:2026-12-15|hour:2026-12-01 14|2027|amaya/.test(String(key)))).toEqual([])
  })

  it('the counter block goes on from NukeViet’s numbers', async () => {
    const { recorder, hit } = morning()
    expect(await recorder.counters()).toEqual({ online: 0, today: 3672, month: 3672, total: 447009361 })
    const answer = await hit({ path: '/bai-viet/x', article: articles.get('vi:news_rows:24') }, '198.51.100.20')
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({ online: 1, today: 3673, month: 3673, total: 447009362, article: { views: 2842, rating: { total: 17, count: 5 } } })
    expect(await recorder.counters()).toEqual({ online: 1, today: 3673, month: 3673, total: 447009362 })
  })

  it('a vote cast here adds to the imported rating, and "Tính lại điểm" keeps both', async () => {
    const id = articles.get('vi:news_rows:24')!
    expect(await castVote(payload, { articleId: id, score: 4, voterKey: 'reader-24', ipHash: 'ip-24' })).toMatchObject({ inserted: true, total: 21, count: 6 })
    await recomputeTotals(payload)
    expect(await figuresOf(id)).toEqual({ views: 2842, ratingTotal: 21, ratingCount: 6 })
    // the suspended article kept its 13 points in 3 votes through the recompute
    expect(await figuresOf(articles.get('vi:news_rows:7')!)).toEqual({ views: 1766, ratingTotal: 13, ratingCount: 3 })
  })

  it('a second run changes nothing: what was counted here stays, nothing doubles', async () => {
    const before = await importedRows()
    const summary = await run()
    expect(summary.articles).toMatchObject({ set: 0, unchanged: 4 })
    expect(summary.counter).toMatchObject({ rows: 38, written: 0, deleted: 0 })
    expect(await figuresOf(articles.get('vi:news_rows:24')!)).toEqual({ views: 2842, ratingTotal: 21, ratingCount: 6 })
    expect(await importedRows()).toEqual(before)
    expect(await morning().recorder.counters()).toEqual({ online: 1, today: 3673, month: 3673, total: 447009362 })
  })

  it('a run after NukeViet counted more replaces the base, keeping what was counted here', async () => {
    await nukeviet.query('UPDATE nv4_vi_news_rows SET hitstotal = 2900, total_rating = 22, click_rating = 6 WHERE id = 24')
    await nukeviet.query("UPDATE nv4_counter SET c_count = c_count + 59 WHERE (c_type, c_val) IN (('total', 'hits'), ('year', '2026'), ('month', 'Dec'), ('day', '01'), ('hour', '02'))")
    const summary = await run()
    expect(summary.articles).toMatchObject({ set: 1, unchanged: 3 })
    expect(summary.counter).toMatchObject({ total: 447009420, written: 5, deleted: 0 })
    // 2,900 NukeViet views + 1 here; 22 points in 6 votes there + 4 in 1 here
    expect(await figuresOf(articles.get('vi:news_rows:24')!)).toEqual({ views: 2901, ratingTotal: 26, ratingCount: 7 })
    expect(await morning().recorder.counters()).toEqual({ online: 1, today: 3732, month: 3732, total: 447009421 })
  })
})

describe('the report shows the years before the move, marked as imported', () => {
  const titles = async () => new Map()
  const db = () => new Recorder(payload).db

  it('by year: one figure per year NukeViet counted', async () => {
    const report = await buildReport(db(), { from: '2016-01-01', to: '2025-12-31', granularity: 'year' }, titles)
    expect(report.current.series.map((p) => [p.bucket, p.visits, p.imported])).toEqual(YEARS.map(([y, n]) => [y, n, n]))
    const sum = YEARS.reduce((acc, [, n]) => acc + n, 0)
    expect(sum).toBe(391_709_361)
    expect(report.current.totals).toMatchObject({ visits: sum, imported: sum, pageViews: 0 })
    expect(report.imported).toMatchObject({ source: 'NukeViet', from: '2016-03-15 08:00', to: '2026-12-01 02:00', total: 447009420 })
    expect(report.imported!.browsers).toEqual([
      { label: 'chrome', pageViews: 0, visits: 205624306 },
      { label: 'Mobile', pageViews: 0, visits: 93871965 },
    ])
    expect(report.imported!.countries.map((r) => r.label)).toEqual(['VN', 'US'])
  })

  it('by year, a range may hold 30 years: the whole history NukeViet counted, up to the move and after', async () => {
    const parsed = parseReportQuery(new URLSearchParams('from=2016-01-01&to=2026-12-01&granularity=year'), '2026-12-01')
    expect(parsed).toEqual({ ok: true, query: { from: '2016-01-01', to: '2026-12-01', granularity: 'year' } })
    expect(parseReportQuery(new URLSearchParams('from=2000-01-01&to=2030-12-31&granularity=year'), '2026-12-01')).toEqual({
      ok: false,
      message: 'Xem theo năm tối đa 30 năm (10958 ngày).',
    })
    // by day the range stays at 3,660 days
    expect(parseReportQuery(new URLSearchParams('from=2016-01-01&to=2026-12-01'), '2026-12-01')).toEqual({ ok: false, message: 'Khoảng thời gian tối đa 3660 ngày.' })
    const report = await buildReport(db(), parsed.ok ? parsed.query : (null as never), titles)
    // 2026: NukeViet's 55,300,059 to the move, and the visit counted here after it
    expect(report.current.series.map((p) => [p.bucket, p.visits, p.imported])).toEqual([
      ...YEARS.map(([y, n]) => [y, n, n]),
      ['2026', 55300059 + 1, 55300059],
    ])
    expect(report.current.totals.visits).toBe(447009420 + 1)
  })

  it('a year shows only when the range holds all of it NukeViet counted', async () => {
    const report = await buildReport(db(), { from: '2016-03-15', to: '2017-06-30', granularity: 'year' }, titles)
    // 2016 counted from 15 March: whole; 2017 cut at June: left out
    expect(report.current.series.map((p) => [p.bucket, p.imported])).toEqual([['2016', 8412305], ['2017', 0]])
  })

  it('by month, day and hour in the move’s year, month and day, with the visits counted here added', async () => {
    const monthly = await buildReport(db(), { from: '2026-01-01', to: '2026-12-01', granularity: 'month' }, titles)
    expect(monthly.current.series.map((p) => [p.bucket, p.visits, p.imported])).toEqual(
      MONTHS.map(([, n], i) => [`2026-${String(i + 1).padStart(2, '0')}`, i === 11 ? n + 59 + 1 : n, i === 11 ? n + 59 : n]),
    )
    const daily = await buildReport(db(), { from: '2026-11-30', to: '2026-12-01', granularity: 'day' }, titles)
    expect(daily.current.series.map((p) => [p.bucket, p.visits, p.imported, p.pageViews])).toEqual([
      ['2026-11-30', 0, 0, 0],
      ['2026-12-01', 3732, 3731, 1],
    ])
    const hourly = await buildReport(db(), { from: '2026-12-01', to: '2026-12-01', granularity: 'hour' }, titles)
    expect(hourly.current.series.slice(0, 9).map((p) => [p.bucket.slice(11), p.visits, p.imported])).toEqual([
      ['00', 1320, 1320], ['01', 1437, 1437], ['02', 974, 974], ['03', 0, 0], ['04', 0, 0], ['05', 0, 0], ['06', 0, 0], ['07', 0, 0], ['08', 1, 0],
    ])
  })

  it('no imported history before NukeViet started, nor after the move', async () => {
    const before = await buildReport(db(), { from: '2015-01-01', to: '2015-12-31', granularity: 'year' }, titles)
    expect([before.imported, before.current.totals.imported]).toEqual([null, 0])
    const after = await buildReport(db(), { from: '2026-12-02', to: '2026-12-31', granularity: 'day' }, titles)
    expect([after.imported, after.current.totals.imported]).toEqual([null, 0])
  })

  it('the CSV marks the imported part in a column of its own, with NukeViet’s breakdowns', async () => {
    const report = await buildReport(db(), { from: '2016-01-01', to: '2025-12-31', granularity: 'year' }, titles)
    const lines = reportCsv(report).replace('\uFEFF', '').split('\r\n')
    expect(lines[0]).toBe('Bảng,Nhãn,Lượt xem trang,Lượt truy cập,Khách,Bot,Trong đó chuyển từ NukeViet')
    expect(lines).toContain('Theo thời gian,2016,0,8412305,0,0,8412305')
    expect(lines).toContain('Tổng kỳ này,2016-01-01 – 2025-12-31,0,391709361,0,0,391709361')
    expect(lines).toContain('NukeViet: tổng,2016-03-15 08:00 – 2026-12-01 02:00,,447009420,,,447009420')
    expect(lines).toContain('NukeViet: Trình duyệt,chrome,,205624306,,,205624306')
    expect(lines).toContain('NukeViet: Ngày trong tuần,Monday,,75991591,,,75991591')
  })
})

describe('a starting total set by hand', () => {
  it('is named in the summary: the counter block adds it to NukeViet’s', async () => {
    await payload.updateGlobal({
      slug: 'site',
      data: { portalName: 'Cổng', agencyName: 'UBND', responsiblePerson: 'A', address: 'B', phone: '0271 1', email: 'a@b.vn', statsStartingTotal: 447009361 },
    })
    const lines: string[] = []
    const summary = await run(true, (line) => lines.push(line))
    expect(summary.counter.startingTotal).toBe(447009361)
    expect(lines.at(-1)).toBe(
      'Chú ý: "Thông tin cổng → Tổng lượt truy cập chuyển từ cổng cũ" đang là 447,009,361 và cũng được cộng vào tổng lượt truy cập; nếu đó là số của NukeViet, hãy đặt về 0.',
    )
  })
})
