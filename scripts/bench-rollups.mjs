/**
 * For `npm run bench`: a generated year of statistics rollups, for timing the report. 10,000
 * articles, each published on a day of the year and read for 14 days after (views decaying),
 * with day rows and month rows per article, hour rows for its first two days, site totals per
 * hour, day, month and year, and daily breakdowns. Written in SQL, in batches.
 */
import { createClient } from '@libsql/client'
import pg from 'pg'

const ARTICLES = 10_000
const pad = (n) => String(n).padStart(2, '0')
const localDay = (ms) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10)

function* rows(today) {
  const end = Date.parse(`${today}T00:00:00Z`)
  const days = Array.from({ length: 365 }, (_, i) => localDay(end - (364 - i) * 86_400_000 - 7 * 3_600_000))
  const totals = new Map()
  const add = (key, period, bucket, pv) => {
    const row = totals.get(key) ?? { key, period, bucket, pv: 0 }
    row.pv += pv
    totals.set(key, row)
  }
  let seed = 42
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  for (let id = 1; id <= ARTICLES; id += 1) {
    const start = Math.floor(random() * 351)
    const path = `/bai-viet/bai-viet-${id}`
    const months = new Map()
    for (let d = 0; d < 14; d += 1) {
      const day = days[start + d]
      const pv = Math.max(1, Math.round(400 * Math.exp(-d / 2) * (0.5 + random())))
      yield ['stats_pages', [`day:${day}:${path}`, 'day', day, path, id, pv, Math.ceil(pv * 0.8), Math.ceil(pv * 0.7)]]
      months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + pv)
      add(`day:${day}`, 'day', day, pv)
      add(`month:${day.slice(0, 7)}`, 'month', day.slice(0, 7), pv)
      add(`year:${day.slice(0, 4)}`, 'year', day.slice(0, 4), pv)
      for (let h = 0; h < 24; h += 1) {
        const hpv = Math.max(0, Math.round((pv / 24) * (0.5 + random())))
        if (d < 2) yield ['stats_pages', [`hour:${day} ${pad(h)}:${path}`, 'hour', `${day} ${pad(h)}`, path, id, hpv, Math.ceil(hpv * 0.8), Math.ceil(hpv * 0.7)]]
        add(`hour:${day} ${pad(h)}`, 'hour', `${day} ${pad(h)}`, hpv)
      }
    }
    for (const [month, pv] of months) yield ['stats_pages', [`month:${month}:${path}`, 'month', month, path, id, pv, Math.ceil(pv * 0.8), Math.ceil(pv * 0.7)]]
  }
  for (const r of totals.values()) yield ['stats_totals', [r.key, r.period, r.bucket, r.pv, Math.ceil(r.pv * 0.8), Math.ceil(r.pv * 0.6), Math.ceil(r.pv * 0.1)]]
  const dims = {
    referrer: ['(trực tiếp)', 'google.com', 'facebook.com', 'zalo.me', 'baobinhphuoc.com.vn', ...Array.from({ length: 25 }, (_, i) => `site-${i}.vn`)],
    browser: ['Chrome', 'Mobile Safari', 'Safari', 'Edge', 'Firefox', 'Samsung Browser', 'Opera', 'Khác'],
    os: ['Android', 'iOS', 'Windows', 'Mac OS', 'Linux', 'Khác'],
    device: ['mobile', 'desktop', 'tablet'],
    bot: ['Googlebot', 'bingbot', 'YandexBot', 'AhrefsBot', 'SemrushBot', 'facebookexternalhit', 'Applebot', 'DuckDuckBot', 'Baiduspider', 'PetalBot'],
  }
  for (const day of days) {
    for (const [dimension, values] of Object.entries(dims)) {
      for (const value of values) {
        const pv = Math.round(1000 * random())
        yield ['stats_breakdowns', [`${day}:${dimension}:${value}`, day, dimension, value, pv, Math.ceil(pv * 0.8)]]
      }
    }
  }
}

const COLUMNS = {
  stats_pages: '(key, period, bucket, path, article, page_views, visits, visitors)',
  stats_totals: '(key, period, bucket, page_views, visits, visitors, bots)',
  stats_breakdowns: '(key, bucket, dimension, value, page_views, visits)',
}

/** Writes the generated rows into the database at `uri`; answers how many. */
export async function generateRollups(uri, today) {
  const isPg = uri.startsWith('postgres')
  const client = isPg ? new pg.Client({ connectionString: uri }) : createClient({ url: uri })
  if (isPg) await client.connect()
  else await client.execute('PRAGMA busy_timeout = 5000')
  const batches = { stats_pages: [], stats_totals: [], stats_breakdowns: [] }
  let count = 0
  const flush = async (table) => {
    const batch = batches[table]
    if (!batch.length) return
    const width = batch[0].length
    let n = 0
    const values = batch.map(() => `(${Array.from({ length: width }, () => (isPg ? `$${++n}` : '?')).join(', ')})`).join(', ')
    const sql = `INSERT INTO ${table} ${COLUMNS[table]} VALUES ${values} ON CONFLICT (key) DO NOTHING`
    const args = batch.flat()
    if (isPg) await client.query(sql, args)
    else await client.execute({ sql, args })
    count += batch.length
    batches[table] = []
  }
  for (const [table, row] of rows(today)) {
    batches[table].push(row)
    if (batches[table].length >= 1000) await flush(table)
  }
  for (const table of Object.keys(batches)) await flush(table)
  if (isPg) {
    // what autovacuum does on a live database: statistics, and the visibility map index-only scans need
    await client.query('VACUUM ANALYZE')
    await client.end()
  } else client.close()
  return count
}
