/**
 * The traffic report the admin view draws. It reads rollups only, never raw hits: its cost grows
 * with the days shown, not with the visits. Every query is bounded: series from site totals
 * (at most 744 hourly or 3,660 daily rows), top articles from page rollups using month rows for
 * whole months and day rows for the rest, breakdowns from day rows.
 */
import type { Database } from './sql'
import { bucketEnd, bucketStart, bucketsOf, DAY_MS, dayCount, daysBetween, parseDay } from './time'

export type Granularity = 'hour' | 'day' | 'month' | 'year'
export type ReportQuery = { from: string; to: string; granularity: Granularity }
/** `imported`: the part of `visits` counted by the old portal (NukeViet) and carried over. */
export type Point = { bucket: string; pageViews: number; visits: number; visitors: number; bots: number; imported: number }
export type Ranked = { label: string; pageViews: number; visits: number }
export type TopArticle = Ranked & { id: number; title: string; slug: string; visitors: number }
export type Period = { from: string; to: string; series: Point[]; totals: Omit<Point, 'bucket'> }
/**
 * What an old portal counted before the move (stats-imported), when the range shown overlaps it:
 * the span it counted over, its total, and its all-time breakdowns (NukeViet kept no dates for
 * those). Its visits per year, month, day or hour are in the series, as `imported`.
 */
export type ImportedHistory = {
  source: string
  from: string
  to: string
  total: number
  browsers: Ranked[]
  os: Ranked[]
  countries: Ranked[]
  bots: Ranked[]
  daysOfWeek: Ranked[]
}
export type Report = {
  granularity: Granularity
  imported: ImportedHistory | null
  current: Period
  previous: Period
  topArticles: TopArticle[]
  referrers: Ranked[]
  browsers: Ranked[]
  os: Ranked[]
  devices: Ranked[]
  bots: Ranked[]
}

export const MAX_RANGE_DAYS = 3660
/**
 * By year a range may be longer: enough for an old portal's whole history carried over
 * (NukeViet's counter keeps one figure per year since it started). Its points are still years,
 * and its reads still follow the days and months of the range (at most 10,958 of one, 360 of the other).
 */
export const MAX_YEARLY_DAYS = 10_958
export const MAX_HOURLY_DAYS = 31
/**
 * Years a report may name: NukeViet's imported history starts in the 2000s, and within 2100 day
 * labels sort as text and stay far from the end of JavaScript dates (year 275760).
 */
export const MIN_YEAR = 2000
export const MAX_YEAR = 2100

export const REPORT_MESSAGES = {
  login: 'Vui lòng đăng nhập để xem thống kê.',
  forbidden: 'Chỉ quản trị viên và biên tập viên được xem thống kê.',
  day: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.',
  year: `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`,
  order: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
  range: `Khoảng thời gian tối đa ${MAX_RANGE_DAYS} ngày.`,
  yearly: `Xem theo năm tối đa 30 năm (${MAX_YEARLY_DAYS} ngày).`,
  hourly: `Xem theo giờ tối đa ${MAX_HOURLY_DAYS} ngày.`,
  granularity: 'Kiểu thống kê phải là hour, day, month hoặc year.',
  format: 'Định dạng phải là json hoặc csv.',
} as const

const dayLabel = (ms: number) => new Date(ms).toISOString().slice(0, 10)
export const shiftDay = (day: string, days: number) => dayLabel(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)

/** A day the report can take, or why not: four-digit year in [MIN_YEAR, MAX_YEAR], a real date. */
function reportDay(raw: string): { day: string } | { message: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { message: REPORT_MESSAGES.day }
  const year = Number(raw.slice(0, 4))
  if (year < MIN_YEAR || year > MAX_YEAR) return { message: REPORT_MESSAGES.year }
  const day = parseDay(raw)
  return day ? { day } : { message: REPORT_MESSAGES.day }
}

/**
 * The range and granularity asked for, or why they are refused. Everything is decided in constant
 * time, before any list of days exists: the report's work is then bounded by MAX_RANGE_DAYS
 * (MAX_YEARLY_DAYS by year).
 */
export function parseReportQuery(params: URLSearchParams, today: string): { ok: true; query: ReportQuery } | { ok: false; message: string } {
  const to = params.has('to') ? reportDay(params.get('to')!) : { day: today }
  if ('message' in to) return { ok: false, message: to.message }
  const from = params.has('from') ? reportDay(params.get('from')!) : { day: shiftDay(to.day, -29) }
  if ('message' in from) return { ok: false, message: from.message }
  if (from.day > to.day) return { ok: false, message: REPORT_MESSAGES.order }
  const days = dayCount(from.day, to.day)
  const granularity = (params.get('granularity') ?? 'day') as Granularity
  if (!['hour', 'day', 'month', 'year'].includes(granularity)) return { ok: false, message: REPORT_MESSAGES.granularity }
  if (granularity === 'year' ? days > MAX_YEARLY_DAYS : days > MAX_RANGE_DAYS) {
    return { ok: false, message: granularity === 'year' ? REPORT_MESSAGES.yearly : REPORT_MESSAGES.range }
  }
  if (granularity === 'hour' && days > MAX_HOURLY_DAYS) return { ok: false, message: REPORT_MESSAGES.hourly }
  return { ok: true, query: { from: from.day, to: to.day, granularity } }
}

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = dayCount(from, to)
  return { from: shiftDay(from, -days), to: shiftDay(from, -1) }
}

const n = (value: unknown) => Number(value ?? 0)
/**
 * Counters are Payload number fields: NUMERIC on PostgreSQL, whose sums are slow and spill to
 * disk over thousands of groups. Summed as doubles (exact up to 2^53) they are 4× faster.
 */
const sumOf = (column: string) => `SUM(CAST(${column} AS DOUBLE PRECISION))`
const sum = (points: Point[]) =>
  points.reduce(
    (acc, p) => ({
      pageViews: acc.pageViews + p.pageViews,
      visits: acc.visits + p.visits,
      visitors: acc.visitors + p.visitors,
      bots: acc.bots + p.bots,
      imported: acc.imported + p.imported,
    }),
    { pageViews: 0, visits: 0, visitors: 0, bots: 0, imported: 0 },
  )

type Span = { start: number; last: number } | null

/** When the imported history begins and ends (Unix ms), or null when nothing was imported. */
async function importedSpan(db: Database): Promise<Span> {
  const rows = await db.all(`SELECT bucket, visits FROM stats_imported WHERE period = 'span'`)
  const at = (bucket: string) => rows.filter((r) => r.bucket === bucket).map((r) => n(r.visits) * 1000)
  const [starts, lasts] = [at('start'), at('last')]
  return lasts.length ? { start: starts.length ? Math.min(...starts) : 0, last: Math.max(...lasts) } : null
}

/**
 * The imported visits of the granularity shown (NukeViet kept years, the months of its last
 * year, the days of its last month, the hours of its last day), for the buckets whose counted
 * part lies wholly within the range: a year shows only if the range holds all of it that the
 * old portal counted. Finer granularities than it kept simply have none (the view says so).
 */
async function importedPoints(db: Database, span: Span, from: string, to: string, granularity: Granularity): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (!span) return out
  const cut = (day: string) => (granularity === 'year' ? day.slice(0, 4) : granularity === 'month' ? day.slice(0, 7) : granularity === 'hour' ? `${day} 00` : day)
  const rows = await db.all(`SELECT bucket, visits FROM stats_imported WHERE period = ? AND bucket >= ? AND bucket <= ?`, [
    granularity,
    cut(from),
    granularity === 'hour' ? `${to} 23` : cut(to),
  ])
  const [rangeStart, rangeEnd] = [bucketStart(from), bucketEnd(to)]
  for (const row of rows) {
    const bucket = String(row.bucket)
    const counted = [Math.max(bucketStart(bucket), span.start), Math.min(bucketEnd(bucket), span.last + 1)]
    if (counted[0]! >= rangeStart && counted[1]! <= rangeEnd) out.set(bucket, (out.get(bucket) ?? 0) + n(row.visits))
  }
  return out
}

const rankedImported = (rows: Record<string, unknown>[]): Ranked[] =>
  rows.map((r) => ({ label: String(r.bucket), pageViews: 0, visits: n(r.visits) })).sort((a, b) => b.visits - a.visits || a.label.localeCompare(b.label))

/** The old portal's span, total and breakdowns, when the range overlaps what it counted. */
async function importedHistory(db: Database, span: Span, from: string, to: string): Promise<ImportedHistory | null> {
  if (!span || bucketStart(from) > span.last || bucketEnd(to) <= span.start) return null
  const rows = await db.all(
    `SELECT period, bucket, visits FROM stats_imported WHERE period IN ('all', 'browser', 'os', 'country', 'bot', 'dayofweek')`,
  )
  const of = (period: string) => rankedImported(rows.filter((r) => r.period === period))
  const moment = (ms: number) => `${bucketsOf(ms).hour}:00`
  return {
    source: 'NukeViet',
    from: span.start ? moment(span.start) : '',
    to: moment(span.last),
    total: of('all').reduce((acc, r) => acc + r.visits, 0),
    browsers: of('browser').slice(0, 10),
    os: of('os').slice(0, 10),
    countries: of('country').slice(0, 10),
    bots: of('bot').slice(0, 10),
    daysOfWeek: of('dayofweek'),
  }
}

async function series(db: Database, from: string, to: string, granularity: Granularity, span: Span): Promise<Point[]> {
  const hourly = granularity === 'hour'
  const rows = await db.all(
    `SELECT bucket, page_views, visits, visitors, bots FROM stats_totals WHERE period = ? AND bucket >= ? AND bucket <= ? ORDER BY bucket`,
    hourly ? ['hour', `${from} 00`, `${to} 23`] : ['day', from, to],
  )
  const cut = (bucket: string) => (granularity === 'month' ? bucket.slice(0, 7) : granularity === 'year' ? bucket.slice(0, 4) : bucket)
  const points = new Map<string, Point>()
  // Every bucket of the range appears, with zeros where nothing was counted.
  if (hourly) for (const day of daysBetween(from, to)) for (let h = 0; h < 24; h += 1) points.set(`${day} ${String(h).padStart(2, '0')}`, zero(`${day} ${String(h).padStart(2, '0')}`))
  else for (const day of daysBetween(from, to)) if (!points.has(cut(day))) points.set(cut(day), zero(cut(day)))
  for (const row of rows) {
    const p = points.get(cut(String(row.bucket)))
    if (!p) continue
    p.pageViews += n(row.page_views)
    p.visits += n(row.visits)
    p.visitors += n(row.visitors)
    p.bots += n(row.bots)
  }
  for (const [bucket, visits] of await importedPoints(db, span, from, to, granularity)) {
    const p = points.get(bucket)
    if (!p) continue
    p.visits += visits
    p.imported += visits
  }
  return [...points.values()]
}

/**
 * Visitors are distinct per day (DESIGN.md): a range's visitors are the sum of its days whatever
 * the granularity shown. Summing hourly points would count a reader of 9:00 and 11:00 twice.
 */
async function dayVisitors(db: Database, from: string, to: string): Promise<number> {
  const [row] = await db.all(`SELECT ${sumOf('visitors')} AS visitors FROM stats_totals WHERE period = 'day' AND bucket >= ? AND bucket <= ?`, [from, to])
  return n(row?.visitors)
}

const zero = (bucket: string): Point => ({ bucket, pageViews: 0, visits: 0, visitors: 0, bots: 0, imported: 0 })

/** Month labels wholly inside [from, to], and the day labels of the rest. */
export function coverRange(from: string, to: string): { months: string[]; days: string[] } {
  const months: string[] = []
  const days: string[] = []
  for (const day of daysBetween(from, to)) {
    const month = day.slice(0, 7)
    const [y, m] = month.split('-').map(Number) as [number, number]
    const whole = `${month}-01` >= from && dayLabel(Date.UTC(y, m, 0)) <= to
    if (whole) {
      if (months.at(-1) !== month) months.push(month)
    } else days.push(day)
  }
  return { months, days }
}

async function topArticles(db: Database, from: string, to: string, articleTitles: (ids: number[]) => Promise<Map<number, { title: string; slug: string }>>): Promise<TopArticle[]> {
  const { months, days } = coverRange(from, to)
  const buckets = [...months, ...days]
  const rows = await db.all(
    `SELECT article, ${sumOf('page_views')} AS page_views, ${sumOf('visits')} AS visits, ${sumOf('visitors')} AS visitors FROM stats_pages
     WHERE bucket IN (${buckets.map(() => '?').join(', ')}) AND article IS NOT NULL
     GROUP BY article ORDER BY 2 DESC, article LIMIT 10`,
    buckets,
  )
  const titles = await articleTitles(rows.map((r) => n(r.article)))
  return rows.map((r) => {
    const id = n(r.article)
    const known = titles.get(id)
    return { id, label: known?.title ?? `Bài viết #${id} (đã xóa)`, title: known?.title ?? '', slug: known?.slug ?? '', pageViews: n(r.page_views), visits: n(r.visits), visitors: n(r.visitors) }
  })
}

async function breakdowns(db: Database, from: string, to: string): Promise<Record<string, Ranked[]>> {
  const rows = await db.all(
    `SELECT dimension, value, ${sumOf('page_views')} AS page_views, ${sumOf('visits')} AS visits FROM stats_breakdowns
     WHERE bucket >= ? AND bucket <= ? GROUP BY dimension, value`,
    [from, to],
  )
  const out: Record<string, Ranked[]> = { referrer: [], browser: [], os: [], device: [], bot: [] }
  for (const row of rows) (out[String(row.dimension)] ??= []).push({ label: String(row.value), pageViews: n(row.page_views), visits: n(row.visits) })
  for (const key of Object.keys(out)) out[key] = out[key]!.sort((a, b) => b.pageViews - a.pageViews || a.label.localeCompare(b.label)).slice(0, 10)
  // Referrers matter per visit (where a visit came from), the rest per page view.
  out.referrer!.sort((a, b) => b.visits - a.visits || a.label.localeCompare(b.label))
  return out
}

export async function buildReport(
  db: Database,
  query: ReportQuery,
  articleTitles: (ids: number[]) => Promise<Map<number, { title: string; slug: string }>>,
): Promise<Report> {
  const prev = previousPeriod(query.from, query.to)
  const hourly = query.granularity === 'hour'
  const span = await importedSpan(db)
  const [current, previous, top, rest, visitors, previousVisitors, imported] = await Promise.all([
    series(db, query.from, query.to, query.granularity, span),
    series(db, prev.from, prev.to, query.granularity, span),
    topArticles(db, query.from, query.to, articleTitles),
    breakdowns(db, query.from, query.to),
    hourly ? dayVisitors(db, query.from, query.to) : null,
    hourly ? dayVisitors(db, prev.from, prev.to) : null,
    importedHistory(db, span, query.from, query.to),
  ])
  // by day, month or year the points are already sums of days
  const totalsOf = (points: Point[], days: number | null) => (days === null ? sum(points) : { ...sum(points), visitors: days })
  return {
    granularity: query.granularity,
    imported,
    current: { from: query.from, to: query.to, series: current, totals: totalsOf(current, visitors) },
    previous: { ...prev, series: previous, totals: totalsOf(previous, previousVisitors) },
    topArticles: top,
    referrers: rest.referrer!,
    browsers: rest.browser!,
    os: rest.os!,
    devices: rest.device!,
    bots: rest.bot!,
  }
}

const DEVICE_NAMES: Record<string, string> = { mobile: 'Điện thoại', tablet: 'Máy tính bảng', desktop: 'Máy tính', other: 'Khác' }
export const deviceName = (value: string) => DEVICE_NAMES[value] ?? value

/** A spreadsheet cell: quoted, and never a formula (a referrer host is chosen by strangers). */
function cell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) || text !== String(value) ? `"${text.replace(/"/g, '""')}"` : text
}

/** What the view shows, as one CSV table (UTF-8 with BOM, so spreadsheet software reads the accents). */
export function reportCsv(report: Report): string {
  // With history carried over from NukeViet, a last column says how much of each visits figure it counted.
  const marked = report.imported !== null || [...report.current.series, ...report.previous.series].some((p) => p.imported > 0)
  const more = (imported: number) => (marked ? [imported] : [])
  const lines: (string | number)[][] = [['Bảng', 'Nhãn', 'Lượt xem trang', 'Lượt truy cập', 'Khách', 'Bot', ...(marked ? ['Trong đó chuyển từ NukeViet'] : [])]]
  for (const p of report.current.series) lines.push(['Theo thời gian', p.bucket, p.pageViews, p.visits, p.visitors, p.bots, ...more(p.imported)])
  for (const p of report.previous.series) lines.push(['Kỳ trước', p.bucket, p.pageViews, p.visits, p.visitors, p.bots, ...more(p.imported)])
  const t = report.current.totals
  lines.push(['Tổng kỳ này', `${report.current.from} – ${report.current.to}`, t.pageViews, t.visits, t.visitors, t.bots, ...more(t.imported)])
  const pt = report.previous.totals
  lines.push(['Tổng kỳ trước', `${report.previous.from} – ${report.previous.to}`, pt.pageViews, pt.visits, pt.visitors, pt.bots, ...more(pt.imported)])
  for (const a of report.topArticles) lines.push(['Bài viết xem nhiều', a.label, a.pageViews, a.visits, a.visitors, ''])
  const ranked: [string, Ranked[], (v: string) => string][] = [
    ['Nguồn truy cập', report.referrers, (v) => v],
    ['Trình duyệt', report.browsers, (v) => v],
    ['Hệ điều hành', report.os, (v) => v],
    ['Thiết bị', report.devices, deviceName],
    ['Bot', report.bots, (v) => v],
  ]
  for (const [name, rows, label] of ranked) for (const r of rows) lines.push([name, label(r.label), r.pageViews, r.visits, '', '', ...more(0)])
  const old = report.imported
  if (old) {
    lines.push([`${old.source}: tổng`, `${old.from} – ${old.to}`, '', old.total, '', '', old.total])
    const importedRanked: [string, Ranked[]][] = [
      ['Trình duyệt', old.browsers],
      ['Hệ điều hành', old.os],
      ['Quốc gia', old.countries],
      ['Bot', old.bots],
      ['Ngày trong tuần', old.daysOfWeek],
    ]
    for (const [name, rows] of importedRanked) for (const r of rows) lines.push([`${old.source}: ${name}`, r.label, '', r.visits, '', '', r.visits])
  }
  return '\uFEFF' + lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n'
}
