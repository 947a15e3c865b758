/**
 * NukeViet's figures, moved over at the end of an import (the importer calls importFigures once
 * its articles exist):
 *
 * - `hitstotal` → the article's view count, as a base (`viewBase`): the view count becomes
 *   base + the views counted here, in one UPDATE computed by the database (view_count - old base
 *   + new base), so a hit recorded meanwhile is never lost and a second import never doubles.
 *   Nothing recomputes view counts from hits: the hit batch only ever adds to view_count.
 * - `total_rating`/`click_rating` → the rating's base (`ratingBaseTotal`, `ratingBaseCount`),
 *   likewise; "Tính lại điểm" rebuilds totals as base + votes cast here (src/ratings/store.ts).
 *   NukeViet keeps no single votes, so the base is all there is of them.
 * - `nv4_counter` → rows of stats-imported (see src/collections/Stats/Imported.ts for why they
 *   live apart from the live rollups): the all-time total, one figure per year, per month of the
 *   counter's last year, per day of its last month, per hour of its last day, the browser, OS,
 *   country, bot and day-of-week totals, and the span NukeViet counted over. The counter block
 *   adds the total, today's and this month's rows (src/stats/recorder.ts); the report adds the
 *   rows of the granularity shown and marks them (src/stats/report.ts). An import writes only the
 *   rows that differ and deletes the ones NukeViet no longer has, in one transaction: a second
 *   run changes nothing, and every instance reads the same rows.
 *
 * The current month, day and hour are those of NukeViet's last count (`c_time/last`), not the
 * import's: NukeViet resets its month, day and hour rows only when a visit comes in a new period.
 */
import type { Connection, Pool, RowDataPacket } from 'mysql2/promise'
import type { Payload } from 'payload'

import { forgetCarriedOver } from '../../stats/endpoints'
import { chunks, placeholders, type Statement, statsDatabase } from '../../stats/sql'
import { bucketsOf } from '../../stats/time'

export type FiguresContext = {
  payload: Payload
  mysql: Connection | Pool
  prefix: string
  langs: string[]
  dryRun: boolean
  articleIdByKey: (key: string) => Promise<number | string | undefined>
  log?: (line: string) => void
}

export type FiguresSummary = {
  dryRun: boolean
  articles: {
    /** rows read from <prefix>_<lang>_news_rows */
    read: number
    /** articles whose figures were (or, in a dry run, would be) changed */
    set: number
    unchanged: number
    /** rows with no article here (not imported): counted, the first few keys named */
    missing: number
    missingKeys: string[]
    /** articles with a rating carried over */
    rated: number
  }
  counter: {
    /** false when the database has no <prefix>_counter table */
    found: boolean
    total: number
    from: string | null
    to: string | null
    /** stats-imported rows: how many NukeViet's counter gives, and how many were (would be) written or deleted */
    rows: number
    written: number
    deleted: number
    /**
     * The starting total an admin set by hand (Thông tin cổng), which the counter block adds too:
     * when it was NukeViet's total, the total now counts it twice (the summary says so).
     */
    startingTotal: number
  }
}

export const SOURCE = 'nukeviet'
const MISSING_KEYS_SHOWN = 20
const PAGE = 1000

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** The all-time breakdowns NukeViet keeps, as they are named in stats-imported. */
export const IMPORTED_DIMENSIONS = ['browser', 'os', 'country', 'bot', 'dayofweek'] as const

const identifier = (name: string, what: string) => {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`${what} không hợp lệ: "${name}" (chỉ chữ, số và dấu gạch dưới).`)
  return name
}

type ArticleFigures = { views: number; ratingTotal: number; ratingCount: number }

/** Every article's figures, summed per article here (two languages may become one article). */
async function readArticleFigures(ctx: FiguresContext, summary: FiguresSummary): Promise<Map<string, ArticleFigures>> {
  const byArticle = new Map<string, ArticleFigures>()
  for (const lang of ctx.langs) {
    const table = `${identifier(ctx.prefix, 'Tiền tố bảng')}_${identifier(lang, 'Ngôn ngữ')}_news_rows`
    let after = 0
    for (;;) {
      const [rows] = await ctx.mysql.query<RowDataPacket[]>(
        `SELECT id, hitstotal, total_rating, click_rating FROM \`${table}\` WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
        [after],
      )
      for (const row of rows) {
        summary.articles.read += 1
        const key = `${lang}:news_rows:${row.id}`
        const id = await ctx.articleIdByKey(key)
        if (id === undefined) {
          summary.articles.missing += 1
          if (summary.articles.missingKeys.length < MISSING_KEYS_SHOWN) summary.articles.missingKeys.push(key)
          continue
        }
        const figures = byArticle.get(String(id)) ?? { views: 0, ratingTotal: 0, ratingCount: 0 }
        figures.views += Number(row.hitstotal)
        figures.ratingTotal += Number(row.total_rating)
        figures.ratingCount += Number(row.click_rating)
        byArticle.set(String(id), figures)
      }
      if (rows.length < PAGE) break
      after = Number(rows.at(-1)!.id)
    }
  }
  return byArticle
}

/**
 * Sets each article's base and moves its counters by the difference from the old base, in one
 * statement: base + what was counted here, whatever happened in between.
 */
async function writeArticleFigures(ctx: FiguresContext, byArticle: Map<string, ArticleFigures>, summary: FiguresSummary) {
  const db = statsDatabase(ctx.payload)
  for (const [id, f] of byArticle) {
    if (f.ratingCount > 0) summary.articles.rated += 1
    const differs = `WHERE id = ? AND (COALESCE(view_base, 0) <> ? OR COALESCE(rating_base_total, 0) <> ? OR COALESCE(rating_base_count, 0) <> ?)`
    const args = [Number(id), f.views, f.ratingTotal, f.ratingCount]
    const changed = ctx.dryRun
      ? await db.all(`SELECT id FROM articles ${differs}`, args)
      : await db.all(
          `UPDATE articles SET
             view_count = COALESCE(view_count, 0) - COALESCE(view_base, 0) + ?, view_base = ?,
             rating_total = COALESCE(rating_total, 0) - COALESCE(rating_base_total, 0) + ?, rating_base_total = ?,
             rating_count = COALESCE(rating_count, 0) - COALESCE(rating_base_count, 0) + ?, rating_base_count = ?
           ${differs} RETURNING id`,
          [f.views, f.views, f.ratingTotal, f.ratingTotal, f.ratingCount, f.ratingCount, ...args],
        )
    if (changed.length) summary.articles.set += 1
    else summary.articles.unchanged += 1
  }
}

export type ImportedRow = { key: string; period: string; bucket: string; visits: number }

type CounterRow = { type: string; value: string; lastUpdate: number; count: number }

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The stats-imported rows NukeViet's counter gives. Rows of the current month, day or hour
 * count only when last updated in that period (NukeViet leaves older ones until a visit resets
 * them); zeros are left out.
 */
export function importedRowsOf(counter: CounterRow[]): { rows: ImportedRow[]; total: number; start: number | null; last: number | null } {
  const find = (type: string, value: string) => counter.find((r) => r.type === type && r.value === value)
  const lastUpdates = counter.map((r) => r.lastUpdate).filter((t) => t > 0)
  const last = find('c_time', 'last')?.count || (lastUpdates.length ? Math.max(...lastUpdates) : null)
  const start = find('c_time', 'start')?.count || null
  const total = find('total', 'hits')?.count ?? 0
  const rows: ImportedRow[] = []
  const add = (period: string, bucket: string, visits: number) => rows.push({ key: `${SOURCE}:${period}:${bucket}`, period, bucket, visits })
  if (total > 0) add('all', 'all', total)
  if (start) add('span', 'start', start)
  if (last) add('span', 'last', last)
  const now = last ? bucketsOf(last * 1000) : null
  const current = (row: CounterRow, cut: (b: ReturnType<typeof bucketsOf>) => string) =>
    now !== null && (row.lastUpdate === 0 || cut(bucketsOf(row.lastUpdate * 1000)) === cut(now))
  for (const row of counter) {
    if (row.count <= 0) continue
    if (row.type === 'year' && /^\d{4}$/.test(row.value) && (!now || row.value <= now.year)) add('year', row.value, row.count)
    else if (row.type === 'month' && MONTHS.includes(row.value) && current(row, (b) => b.year)) {
      const month = `${now!.year}-${pad(MONTHS.indexOf(row.value) + 1)}`
      if (month <= now!.month) add('month', month, row.count)
    } else if (row.type === 'day' && /^\d{2}$/.test(row.value) && current(row, (b) => b.month)) {
      const day = `${now!.month}-${row.value}`
      if (day <= now!.day) add('day', day, row.count)
    } else if (row.type === 'hour' && /^\d{2}$/.test(row.value) && current(row, (b) => b.day)) {
      const hour = `${now!.day} ${row.value}`
      if (hour <= now!.hour) add('hour', hour, row.count)
    } else if ((IMPORTED_DIMENSIONS as readonly string[]).includes(row.type) && row.value) add(row.type, row.value, row.count)
  }
  return { rows, total, start, last }
}

const label = (unixSeconds: number | null) => (unixSeconds ? `${bucketsOf(unixSeconds * 1000).hour}:00` : null)

async function importCounter(ctx: FiguresContext, summary: FiguresSummary) {
  const table = `${identifier(ctx.prefix, 'Tiền tố bảng')}_counter`
  let raw: RowDataPacket[]
  try {
    ;[raw] = await ctx.mysql.query<RowDataPacket[]>(`SELECT c_type, c_val, last_update, c_count FROM \`${table}\``)
  } catch (error) {
    if ((error as { code?: string }).code === 'ER_NO_SUCH_TABLE') {
      ctx.log?.(`Bỏ qua bộ đếm truy cập: không có bảng ${table}.`)
      return
    }
    throw error
  }
  const counter = raw.map((r) => ({ type: String(r.c_type), value: String(r.c_val), lastUpdate: Number(r.last_update), count: Number(r.c_count) }))
  const { rows, total, start, last } = importedRowsOf(counter)
  Object.assign(summary.counter, { found: true, total, from: label(start), to: label(last), rows: rows.length })
  const site = await ctx.payload.findGlobal({ slug: 'site', depth: 0, select: { statsStartingTotal: true } }).catch(() => null)
  summary.counter.startingTotal = Number(site?.statsStartingTotal ?? 0)

  const db = statsDatabase(ctx.payload)
  const existing = new Map(
    (await db.all('SELECT key, period, bucket, visits FROM stats_imported WHERE source = ?', [SOURCE])).map((r) => [String(r.key), r]),
  )
  const wanted = new Set(rows.map((r) => r.key))
  const changed = rows.filter((r) => {
    const old = existing.get(r.key)
    return !old || Number(old.visits) !== r.visits || String(old.period) !== r.period || String(old.bucket) !== r.bucket
  })
  const gone = [...existing.keys()].filter((key) => !wanted.has(key))
  summary.counter.written = changed.length
  summary.counter.deleted = gone.length
  if (ctx.dryRun || (!changed.length && !gone.length)) return
  const statements: Statement[] = []
  for (const part of chunks(gone, 500)) statements.push({ sql: `DELETE FROM stats_imported WHERE key IN (${part.map(() => '?').join(', ')})`, args: part })
  for (const part of chunks(changed, 200)) {
    statements.push({
      sql: `INSERT INTO stats_imported (key, source, period, bucket, visits) VALUES ${placeholders(part.length, 5)}
        ON CONFLICT (key) DO UPDATE SET source = excluded.source, period = excluded.period, bucket = excluded.bucket, visits = excluded.visits`,
      args: part.flatMap((r) => [r.key, SOURCE, r.period, r.bucket, r.visits]),
    })
  }
  await db.batch(statements)
  forgetCarriedOver(ctx.payload)
}

/** Moves NukeViet's figures over (see the top of this file); `dryRun` reads and counts, and writes nothing. */
export async function importFigures(ctx: FiguresContext): Promise<FiguresSummary> {
  const summary: FiguresSummary = {
    dryRun: ctx.dryRun,
    articles: { read: 0, set: 0, unchanged: 0, missing: 0, missingKeys: [], rated: 0 },
    counter: { found: false, total: 0, from: null, to: null, rows: 0, written: 0, deleted: 0, startingTotal: 0 },
  }
  const byArticle = await readArticleFigures(ctx, summary)
  await writeArticleFigures(ctx, byArticle, summary)
  await importCounter(ctx, summary)
  for (const line of figuresSummaryLines(summary)) ctx.log?.(line)
  return summary
}

const grouped = (n: number) => n.toLocaleString('en-US')

/** The summary as lines for the importer's report. */
export function figuresSummaryLines(s: FiguresSummary): string[] {
  const verb = s.dryRun ? 'sẽ đặt' : 'đã đặt'
  const lines = [
    `Số liệu bài viết: ${s.articles.read} dòng đọc, ${verb} ${s.articles.set}, không đổi ${s.articles.unchanged}, ${s.articles.rated} bài có đánh giá.`,
  ]
  if (s.articles.missing) {
    const more = s.articles.missing > s.articles.missingKeys.length ? ` và ${s.articles.missing - s.articles.missingKeys.length} dòng khác` : ''
    lines.push(`Bỏ qua ${s.articles.missing} dòng chưa có bài viết tương ứng: ${s.articles.missingKeys.join(', ')}${more}.`)
  }
  if (s.counter.found) {
    lines.push(
      `Bộ đếm truy cập: tổng ${grouped(s.counter.total)} lượt (${s.counter.from} – ${s.counter.to}), ${s.counter.rows} số liệu; ${verb} ${s.counter.written}, xóa ${s.counter.deleted}.`,
    )
    if (s.counter.startingTotal) {
      lines.push(
        `Chú ý: "Thông tin cổng → Tổng lượt truy cập chuyển từ cổng cũ" đang là ${grouped(s.counter.startingTotal)} và cũng được cộng vào tổng lượt truy cập; nếu đó là số của NukeViet, hãy đặt về 0.`,
      )
    }
  } else lines.push('Bộ đếm truy cập: không có.')
  return lines
}
