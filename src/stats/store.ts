/**
 * The one module that writes statistics. A batch of hits is applied as one transaction:
 * rollup rows with atomic increments (ON CONFLICT ... DO UPDATE SET n = n + excluded.n), the
 * articles' view counts, visitor presence and "seen" marks.
 *
 * Visits and distinct visitors depend on what earlier batches recorded, possibly on another
 * instance. So each batch first locks or reads its visitors' presence and inserts its "seen"
 * marks (INSERT ... ON CONFLICT DO NOTHING tells which are new) inside the same transaction. On
 * PostgreSQL the visitors' rows are locked (an upsert that changes nothing, in key order so two
 * instances never deadlock): two instances decide exactly as one would. On SQLite
 * the whole batch is one synchronous BEGIN IMMEDIATE transaction on a connection of its own.
 * The totals and the articles' numbers the hits are answered with come back from the same
 * statements (RETURNING), so no read follows the commit.
 */
import { allSeenMarks, planBatch, type Plan, type RecordedHit } from './plan'
import { chunks, type Database, placeholders, type Row, type Statement } from './sql'
import { ONLINE_WINDOW_MS } from './time'

const CHUNK = 500

/** A statement of the write, tagged when its RETURNING rows are part of the answer. */
type Write = Statement & { returns?: 'totals' | 'articles' | 'online' }

function upserts(plan: Plan, articles: [article: number, views: number][], now: number, dialect: Database['dialect'], rowsPerStatement = CHUNK): Write[] {
  const out: Write[] = []
  const max = dialect === 'postgres' ? 'GREATEST' : 'MAX'
  const add = <T>(rows: T[], head: string, width: number, tail: string, values: (row: T) => Statement['args'], returns?: Write['returns']) => {
    for (const part of chunks(rows, rowsPerStatement)) out.push({ sql: `${head} VALUES ${placeholders(part.length, width)} ${tail}`, args: part.flatMap(values), returns })
  }
  add(
    plan.totals,
    'INSERT INTO stats_totals (key, period, bucket, page_views, visits, visitors, bots)',
    7,
    `ON CONFLICT (key) DO UPDATE SET page_views = stats_totals.page_views + excluded.page_views,
       visits = stats_totals.visits + excluded.visits, visitors = stats_totals.visitors + excluded.visitors,
       bots = stats_totals.bots + excluded.bots
     RETURNING key, visits`,
    (r) => [r.key, r.period, r.bucket, r.pageViews, r.visits, r.visitors, r.bots],
    'totals',
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
  // Every article of the batch, with its new view count and rating numbers for the answers (a
  // bot's hit adds 0); one statement per article, in id order, so two instances lock alike.
  for (const [article, count] of articles) {
    out.push({
      sql: `UPDATE articles SET view_count = COALESCE(view_count, 0) + ? WHERE id = ?
        RETURNING id, view_count, rating_total, rating_count`,
      args: [count, article],
      returns: 'articles',
    })
  }
  out.push({ sql: 'SELECT COUNT(*) AS online FROM stats_visitors WHERE last_seen >= ?', args: [now - ONLINE_WINDOW_MS], returns: 'online' })
  return out
}

const LIVE_ARTICLES = `SELECT id FROM articles WHERE id IN (%) AND _status = 'published' AND (expires_at IS NULL OR expires_at > ?)`
const LIVE_ARTICLE = LIVE_ARTICLES.replace('%', '?')

/** Which of these article ids are published and not expired (the ones a hit may name). */
async function liveArticleIds(db: Pick<Database, 'all'>, ids: number[], now: number): Promise<Set<number>> {
  const live = new Set<number>()
  for (const part of chunks(ids, CHUNK)) {
    const rows = await db.all(LIVE_ARTICLES.replace('%', part.map(() => '?').join(', ')), [...part, new Date(now).toISOString()])
    for (const row of rows) live.add(Number(row.id))
  }
  return live
}

/** What a committed batch answers: the live numbers, read in the same transaction. */
export type Applied = {
  /** The batch's articles that are live; hits naming another article were left out. */
  live: Set<number>
  /** visits after the batch, by stats_totals key, for the rows the batch touched */
  visits: Map<string, number>
  online: number
  articles: Map<number, ArticleNumbers>
}

function answerOf(writes: Write[], rows: Row[][], live: Set<number>): Applied {
  const applied: Applied = { live, visits: new Map(), online: 0, articles: new Map() }
  writes.forEach(({ returns }, i) => {
    for (const row of rows[i] ?? []) {
      if (returns === 'totals') applied.visits.set(String(row.key), Number(row.visits))
      if (returns === 'online') applied.online = Number(row.online)
      if (returns === 'articles') {
        applied.articles.set(Number(row.id), {
          views: Number(row.view_count ?? 0),
          ratingTotal: Number(row.rating_total ?? 0),
          ratingCount: Number(row.rating_count ?? 0),
        })
      }
    }
  })
  return applied
}

const articleCounts = (plan: Plan, live: Set<number>): [number, number][] => {
  const counts = new Map(plan.views)
  for (const id of live) if (!counts.has(id)) counts.set(id, 0)
  return [...counts].sort((a, b) => a[0] - b[0])
}

/**
 * Applies a batch of validated hits as one transaction and answers the numbers after it. Hits
 * naming an article that is not published (or has expired) are left out, and `live` says so.
 */
export async function applyBatch(db: Database, hits: RecordedHit[], now: number): Promise<Applied> {
  const ids = [...new Set(hits.flatMap((h) => (h.article === null ? [] : [h.article])))]

  if (db.dialect === 'postgres') {
    return db.transaction(async ({ all }) => {
      const live = await liveArticleIds({ all }, ids, now)
      const accepted = hits.filter((h) => h.article === null || live.has(h.article))
      const visitors = [...new Set(accepted.flatMap((h) => (h.visitor ? [h.visitor] : [])))].sort()
      // Each visitor's row, locked (made if new): an upsert that changes nothing locks the row
      // and answers its last_seen as committed, in key order so two instances never deadlock.
      const lastSeen = new Map<string, number>()
      for (const part of chunks(visitors, CHUNK)) {
        const rows = await all(
          `INSERT INTO stats_visitors (visitor, last_seen) VALUES ${placeholders(part.length, 2)}
           ON CONFLICT (visitor) DO UPDATE SET visitor = excluded.visitor RETURNING visitor, last_seen`,
          part.flatMap((v) => [v, 0]),
        )
        for (const row of rows) lastSeen.set(String(row.visitor), Number(row.last_seen))
      }
      const fresh = new Set<string>()
      for (const part of chunks(allSeenMarks(accepted).sort((a, b) => (a.key < b.key ? -1 : 1)), CHUNK)) {
        const rows = await all(
          `INSERT INTO stats_seen (key, expires) VALUES ${placeholders(part.length, 2)} ON CONFLICT (key) DO NOTHING RETURNING key`,
          part.flatMap((m) => [m.key, m.expires]),
        )
        for (const row of rows) fresh.add(String(row.key))
      }
      const plan = planBatch(accepted, lastSeen, fresh)
      const writes = upserts(plan, articleCounts(plan, live), now, 'postgres')
      // One round trip for the rollups and presence: the upserts as the parts of one statement
      // (different tables, so none sees another's rows); the articles, locked one by one in id
      // order, and the online count, which must see the presence just written, come after.
      const merged = writes.filter((w) => w.returns !== 'articles' && w.returns !== 'online')
      const executed: Write[] = [
        ...(merged.length
          ? [
              {
                sql: `WITH ${merged.map((w, i) => `w${i} AS (${w.sql})`).join(', ')}
            ${merged.flatMap((w, i) => (w.returns === 'totals' ? [`SELECT key, visits FROM w${i}`] : [])).join(' UNION ALL ') || 'SELECT NULL AS key, NULL AS visits WHERE false'}`,
                args: merged.flatMap((w) => w.args),
                returns: 'totals' as const,
              },
            ]
          : []),
        ...writes.filter((w) => w.returns === 'articles' || w.returns === 'online'),
      ]
      const rows: Row[][] = []
      for (const { sql, args } of executed) rows.push(await all(sql, args))
      return answerOf(executed, rows, live)
    })
  }

  // SQLite: one synchronous write transaction on this process's own connection, its statements
  // one row each and prepared once. Seen marks are told new by whether inserting them changed a
  // row, as on PostgreSQL.
  const local = db.local()
  return local.transaction(() => {
    const expiry = new Date(now).toISOString()
    const live = new Set(ids.filter((id) => local.get(LIVE_ARTICLE, [id, expiry])))
    const accepted = hits.filter((h) => h.article === null || live.has(h.article))
    const lastSeen = new Map<string, number>()
    for (const hit of accepted) {
      if (hit.visitor && !lastSeen.has(hit.visitor)) {
        lastSeen.set(hit.visitor, Number(local.get('SELECT last_seen FROM stats_visitors WHERE visitor = ?', [hit.visitor])?.last_seen ?? 0))
      }
    }
    const fresh = new Set<string>()
    for (const m of allSeenMarks(accepted)) {
      if (local.run('INSERT INTO stats_seen (key, expires) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [m.key, m.expires])) fresh.add(m.key)
    }
    const plan = planBatch(accepted, lastSeen, fresh)
    const writes = upserts(plan, articleCounts(plan, live), now, 'sqlite', 1)
    const rows = writes.map(({ sql, args, returns }) => {
      if (!returns) return (local.run(sql, args), [])
      const row = local.get(sql, args)
      return row ? [row] : []
    })
    return answerOf(writes, rows, live)
  })
}

export type Counters = { online: number; today: number; month: number; total: number }
export type ArticleNumbers = { views: number; ratingTotal: number; ratingCount: number }

/** The counter block's numbers as counted here (without the starting total and the imported visits). */
export async function readCounters(db: Database, now: number, day: string, month: string): Promise<Counters> {
  const rows = await db.all(
    `SELECT key, visits FROM stats_totals WHERE key IN (?, ?, 'all:all')
     UNION ALL SELECT 'online' AS key, COUNT(*) AS visits FROM stats_visitors WHERE last_seen >= ?`,
    [`day:${day}`, `month:${month}`, now - ONLINE_WINDOW_MS],
  )
  const get = (key: string) => Number(rows.find((r) => r.key === key)?.visits ?? 0)
  return { online: get('online'), today: get(`day:${day}`), month: get(`month:${month}`), total: get('all:all') }
}

/**
 * Visits counted by an old portal and carried over (stats-imported, see
 * src/collections/Stats/Imported.ts): its all-time total, and its figures for this day and month
 * when the move happened during them, so that the counter block goes on from the old numbers.
 */
export async function readImported(db: Database, day: string, month: string): Promise<Omit<Counters, 'online'>> {
  const rows = await db.all(
    `SELECT period, visits FROM stats_imported
     WHERE (period = 'all' AND bucket = 'all') OR (period = 'day' AND bucket = ?) OR (period = 'month' AND bucket = ?)`,
    [day, month],
  )
  const sum = (period: string) => rows.filter((r) => r.period === period).reduce((acc, r) => acc + Number(r.visits ?? 0), 0)
  return { today: sum('day'), month: sum('month'), total: sum('all') }
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
