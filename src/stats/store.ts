/**
 * The one module that writes statistics. A batch of hits is applied as one transaction:
 * rollup rows with atomic increments (ON CONFLICT ... DO UPDATE SET n = n + excluded.n), the
 * articles' view counts, visitor presence and "seen" marks.
 *
 * Visits and distinct visitors depend on what earlier batches recorded, possibly on another
 * instance. On PostgreSQL the batch's visitors are locked (a placeholder insert, then
 * SELECT ... FOR UPDATE, in key order so two instances never deadlock) and new seen marks are
 * told by INSERT ... ON CONFLICT DO NOTHING RETURNING, inside the transaction: two instances
 * decide exactly as one would. SQLite has one writing process (WAL, one file): the reads come
 * first, then one write batch; batches of this process are applied one at a time.
 */
import { allSeenMarks, planBatch, type Plan, type RecordedHit } from './plan'
import { chunks, type Database, placeholders, type Statement } from './sql'
import { ONLINE_WINDOW_MS } from './time'

const CHUNK = 500

function upserts(plan: Plan, dialect: Database['dialect']): Statement[] {
  const out: Statement[] = []
  const max = dialect === 'postgres' ? 'GREATEST' : 'MAX'
  const add = <T>(rows: T[], head: string, width: number, tail: string, values: (row: T) => Statement['args']) => {
    for (const part of chunks(rows, CHUNK)) out.push({ sql: `${head} VALUES ${placeholders(part.length, width)} ${tail}`, args: part.flatMap(values) })
  }
  add(
    plan.totals,
    'INSERT INTO stats_totals (key, period, bucket, page_views, visits, visitors, bots)',
    7,
    `ON CONFLICT (key) DO UPDATE SET page_views = stats_totals.page_views + excluded.page_views,
       visits = stats_totals.visits + excluded.visits, visitors = stats_totals.visitors + excluded.visitors,
       bots = stats_totals.bots + excluded.bots`,
    (r) => [r.key, r.period, r.bucket, r.pageViews, r.visits, r.visitors, r.bots],
  )
  add(
    plan.pages,
    'INSERT INTO stats_pages (key, period, bucket, path, article, page_views, visits, visitors)',
    8,
    `ON CONFLICT (key) DO UPDATE SET page_views = stats_pages.page_views + excluded.page_views,
       visits = stats_pages.visits + excluded.visits, visitors = stats_pages.visitors + excluded.visitors`,
    (r) => [r.key, r.period, r.bucket, r.path, r.article, r.pageViews, r.visits, r.visitors],
  )
  add(
    plan.breakdowns,
    'INSERT INTO stats_breakdowns (key, bucket, dimension, value, page_views, visits)',
    6,
    `ON CONFLICT (key) DO UPDATE SET page_views = stats_breakdowns.page_views + excluded.page_views,
       visits = stats_breakdowns.visits + excluded.visits`,
    (r) => [r.key, r.bucket, r.dimension, r.value, r.pageViews, r.visits],
  )
  add(
    plan.presence,
    'INSERT INTO stats_visitors (visitor, last_seen)',
    2,
    `ON CONFLICT (visitor) DO UPDATE SET last_seen = ${max}(stats_visitors.last_seen, excluded.last_seen)`,
    ([visitor, lastSeen]) => [visitor, lastSeen],
  )
  for (const [article, count] of plan.views) {
    out.push({ sql: 'UPDATE articles SET view_count = COALESCE(view_count, 0) + ? WHERE id = ?', args: [count, article] })
  }
  return out
}

async function lastSeenOf(all: Database['all'], visitors: string[], lock: boolean): Promise<Map<string, number>> {
  const seen = new Map<string, number>()
  for (const part of chunks(visitors, CHUNK)) {
    const rows = await all(
      `SELECT visitor, last_seen FROM stats_visitors WHERE visitor IN (${part.map(() => '?').join(', ')})
       ORDER BY visitor${lock ? ' FOR UPDATE' : ''}`,
      part,
    )
    for (const row of rows) seen.set(String(row.visitor), Number(row.last_seen))
  }
  for (const visitor of visitors) if (!seen.has(visitor)) seen.set(visitor, 0)
  return seen
}

/** Applies a batch of validated hits as one transaction. */
export async function applyBatch(db: Database, hits: RecordedHit[]): Promise<void> {
  const visitors = [...new Set(hits.flatMap((h) => (h.visitor ? [h.visitor] : [])))].sort()
  const marks = allSeenMarks(hits).sort((a, b) => (a.key < b.key ? -1 : 1))

  if (db.dialect === 'postgres') {
    await db.transaction(async ({ all }) => {
      for (const part of chunks(visitors, CHUNK)) {
        await all(`INSERT INTO stats_visitors (visitor, last_seen) VALUES ${placeholders(part.length, 2)} ON CONFLICT (visitor) DO NOTHING`, part.flatMap((v) => [v, 0]))
      }
      const lastSeen = await lastSeenOf(all, visitors, true)
      const fresh = new Set<string>()
      for (const part of chunks(marks, CHUNK)) {
        const rows = await all(
          `INSERT INTO stats_seen (key, expires) VALUES ${placeholders(part.length, 2)} ON CONFLICT (key) DO NOTHING RETURNING key`,
          part.flatMap((m) => [m.key, m.expires]),
        )
        for (const row of rows) fresh.add(String(row.key))
      }
      for (const { sql, args } of upserts(planBatch(hits, lastSeen, fresh), 'postgres')) await all(sql, args)
    })
    return
  }

  // SQLite: what the batch needs to know, in one read (presence and seen marks), then one write.
  const lastSeen = new Map<string, number>(visitors.map((v) => [v, 0]))
  const existing = new Set<string>()
  if (visitors.length + marks.length <= 2 * CHUNK) {
    const rows = await db.all(
      `SELECT 'v' AS kind, visitor AS id, last_seen FROM stats_visitors WHERE visitor IN (${visitors.map(() => '?').join(', ') || 'NULL'})
       UNION ALL SELECT 's' AS kind, key AS id, 0 AS last_seen FROM stats_seen WHERE key IN (${marks.map(() => '?').join(', ') || 'NULL'})`,
      [...visitors, ...marks.map((m) => m.key)],
    )
    for (const row of rows) {
      if (row.kind === 'v') lastSeen.set(String(row.id), Number(row.last_seen))
      else existing.add(String(row.id))
    }
  } else {
    for (const [v, t] of await lastSeenOf(db.all, visitors, false)) lastSeen.set(v, t)
    for (const part of chunks(marks, CHUNK)) {
      const rows = await db.all(`SELECT key FROM stats_seen WHERE key IN (${part.map(() => '?').join(', ')})`, part.map((m) => m.key))
      for (const row of rows) existing.add(String(row.key))
    }
  }
  const plan = planBatch(hits, lastSeen, new Set(marks.filter((m) => !existing.has(m.key)).map((m) => m.key)))
  const seenInserts = chunks(plan.seen, CHUNK).map((part) => ({
    sql: `INSERT INTO stats_seen (key, expires) VALUES ${placeholders(part.length, 2)} ON CONFLICT (key) DO NOTHING`,
    args: part.flatMap((m) => [m.key, m.expires]),
  }))
  await db.batch([...seenInserts, ...upserts(plan, 'sqlite')])
}

/** Which of these article ids are published and not expired (the ones a hit may name). */
export async function liveArticleIds(db: Database, ids: number[], now: number): Promise<Set<number>> {
  if (!ids.length) return new Set()
  const rows = await db.all(
    `SELECT id FROM articles WHERE id IN (${ids.map(() => '?').join(', ')}) AND _status = 'published'
     AND (expires_at IS NULL OR expires_at > ?)`,
    [...ids, new Date(now).toISOString()],
  )
  return new Set(rows.map((r) => Number(r.id)))
}

export type Counters = { online: number; today: number; month: number; total: number }
export type ArticleNumbers = { views: number; ratingTotal: number; ratingCount: number }

/** The counter block's numbers (without the imported starting total). */
export async function readCounters(db: Database, now: number, day: string, month: string): Promise<Counters> {
  const rows = await db.all(
    `SELECT key, visits FROM stats_totals WHERE key IN (?, ?, 'all:all')
     UNION ALL SELECT 'online' AS key, COUNT(*) AS visits FROM stats_visitors WHERE last_seen >= ?`,
    [`day:${day}`, `month:${month}`, now - ONLINE_WINDOW_MS],
  )
  const get = (key: string) => Number(rows.find((r) => r.key === key)?.visits ?? 0)
  return { online: get('online'), today: get(`day:${day}`), month: get(`month:${month}`), total: get('all:all') }
}

export async function readArticleNumbers(db: Database, ids: number[]): Promise<Map<number, ArticleNumbers>> {
  if (!ids.length) return new Map()
  const rows = await db.all(
    `SELECT id, view_count, rating_total, rating_count FROM articles WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  )
  return new Map(
    rows.map((r) => [Number(r.id), { views: Number(r.view_count ?? 0), ratingTotal: Number(r.rating_total ?? 0), ratingCount: Number(r.rating_count ?? 0) }]),
  )
}

/** Today's salt, shared by every instance: the first to ask makes it. */
export async function saltFor(db: Database, day: string, fresh: () => string, now: number): Promise<string> {
  const read = async () => (await db.all('SELECT salt FROM stats_salts WHERE day = ?', [day]))[0]?.salt as string | undefined
  const existing = await read()
  if (existing) return existing
  await db.batch([{ sql: 'INSERT INTO stats_salts (day, salt, created_ms) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING', args: [day, fresh(), now] }])
  return (await read())!
}

export const SALT_LIFETIME_MS = 48 * 3_600_000
export const PRESENCE_LIFETIME_MS = 2 * 3_600_000

/**
 * Forgets what is no longer needed: salts 48 h after they were made (yesterday's visitors can no
 * longer be linked to anyone), presence rows 2 h after the last hit (past the 30-minute visit gap
 * and the 5-minute online window), seen marks once their hour or day has ended.
 */
export async function purge(db: Database, now: number): Promise<void> {
  await db.batch([
    { sql: 'DELETE FROM stats_salts WHERE created_ms < ?', args: [now - SALT_LIFETIME_MS] },
    { sql: 'DELETE FROM stats_visitors WHERE last_seen < ? AND last_seen > 0', args: [now - PRESENCE_LIFETIME_MS] },
    { sql: 'DELETE FROM stats_seen WHERE expires <= ?', args: [now] },
  ])
}
