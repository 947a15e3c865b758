/**
 * Redirect rows for `npm run bench -- --only=redirects`, shaped like a NukeViet import of 10,000
 * articles and 16,000 pictures (plus categories and tags): written straight into the database, as
 * an import run from another process would (the server sees them at its next version check).
 */
import v8 from 'node:v8'
import vm from 'node:vm'

import pg from 'pg'

import { redirectTable } from './redirects.mjs'

export const REDIRECT_ROWS = 30_000

const WORDS = ['chu-tich', 'ubnd', 'tinh', 'lam-viec', 'voi', 'huyen', 'bu-dang', 've', 'tien-do', 'giai-ngan', 'von', 'dau-tu', 'cong', 'hoi-nghi', 'so-ket', 'nong-thon-moi']
const CATEGORIES = ['tin-tuc-su-kien', 'hoat-dong-cua-lanh-dao-tinh', 'kinh-te', 'nong-nghiep-nong-thon', 'van-hoa-xa-hoi', 'thong-bao-chi-dao-dieu-hanh']

/** Row n of the generated set: articles first, then pictures, then tags. */
export function generatedRow(n) {
  const alias = Array.from({ length: 8 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join('-')
  if (n < 10_000) return { from: `/vi/news/${CATEGORIES[n % CATEGORIES.length]}/${alias}-${n + 1}.html`, to: `/bai-viet/${alias}-${n + 1}` }
  if (n < 26_000) return { from: `/uploads/news/2026_${String((n % 12) + 1).padStart(2, '0')}/${alias.slice(0, 40)}-${n}.jpg`, to: `/api/images/file/${alias.slice(0, 40)}-${n}.webp` }
  return { from: `/vi/news/tag/${alias.slice(0, 30)}-${n}`, to: `/the/${alias.slice(0, 30)}-${n}` }
}

/** Replaces every redirect with `count` generated rows; the old address of one of them. */
export async function fillRedirects(uri, count) {
  const now = new Date().toISOString()
  const rows = Array.from({ length: count }, (_, n) => generatedRow(n))
  if (uri.startsWith('file:')) {
    const { default: Database } = await import('libsql')
    const db = new Database(uri.replace(/^file:(\/\/)?/, ''))
    db.exec('PRAGMA busy_timeout = 5000')
    db.exec('BEGIN')
    db.exec('DELETE FROM redirects')
    const insert = db.prepare(`INSERT INTO redirects ("from", "to", source, updated_at, created_at) VALUES (?, ?, 'nukeviet', ?, ?)`)
    for (const row of rows) insert.run(row.from, row.to, now, now)
    db.exec('COMMIT')
    db.close()
  } else {
    const client = new pg.Client({ connectionString: uri })
    await client.connect()
    await client.query('BEGIN')
    await client.query('DELETE FROM redirects')
    for (let i = 0; i < rows.length; i += 1000) {
      const part = rows.slice(i, i + 1000)
      const values = part.map((_, j) => `($${j * 2 + 1}, $${j * 2 + 2}, 'nukeviet', $${part.length * 2 + 1}, $${part.length * 2 + 1})`).join(', ')
      await client.query(`INSERT INTO redirects ("from", "to", source, updated_at, created_at) VALUES ${values}`, [...part.flatMap((row) => [row.from, row.to]), now])
    }
    await client.query('COMMIT')
    await client.end()
  }
  return count ? rows[Math.floor(count / 3)].from : null
}

/** The heap a table of `count` generated rows takes in this process, measured around a full GC, and what it counts. */
export async function redirectTableMemory(count) {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc')
  const table = redirectTable({ maxBytes: 1024 * 1024 * 1024, checkMs: 60_000 }, () => {})
  await table.load([[generatedRow(0)]])
  gc()
  const before = process.memoryUsage().heapUsed
  // the generated rows are garbage once loaded: what stays is the table's
  await table.load([Array.from({ length: count }, (_, n) => generatedRow(n))])
  gc()
  const heap = process.memoryUsage().heapUsed - before
  return { heap, counted: table.bytes, size: table.size }
}

/** Marks one row as changed (its updated_at now): every server reads the whole table again. */
export async function touchRedirects(uri) {
  const now = new Date().toISOString()
  const sql = 'UPDATE redirects SET updated_at = $1 WHERE id = (SELECT min(id) FROM redirects)'
  if (uri.startsWith('file:')) {
    const { default: Database } = await import('libsql')
    const db = new Database(uri.replace(/^file:(\/\/)?/, ''))
    db.exec('PRAGMA busy_timeout = 5000')
    db.prepare(sql.replace('$1', '?')).run(now)
    db.close()
  } else {
    const client = new pg.Client({ connectionString: uri })
    await client.connect()
    await client.query(sql, [now])
    await client.end()
  }
}
