/**
 * media:sweep: files in MEDIA_DIR that no image row names (its file or any of its sizes), and image
 * rows whose files are missing. Read with SQL on a connection of its own, no Payload needed, so the
 * server can count orphans at start-up without waiting on anything.
 */
import fs from 'node:fs'
import path from 'node:path'

import { databaseKind, databaseUri, sqliteFile } from './database.mjs'

async function imageRows(uri) {
  if (databaseKind(uri) === 'sqlite') {
    if (!fs.existsSync(sqliteFile(uri))) return []
    const { default: Database } = await import('libsql')
    const db = new Database(sqliteFile(uri), { readonly: true })
    try {
      const columns = db.prepare('PRAGMA table_info(images)').all().map((c) => c.name).filter((name) => name === 'filename' || /^sizes_.*_filename$/.test(name))
      if (!columns.length) return []
      return db.prepare(`SELECT id, ${columns.map((c) => `"${c}"`).join(', ')} FROM images`).all().map((row) => ({ id: row.id, columns, row }))
    } finally {
      db.close()
    }
  }
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: uri, application_name: 'cong-thong-tin-media-sweep' })
  await client.connect()
  try {
    const { rows: found } = await client.query(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'images' AND (column_name = 'filename' OR column_name ~ '^sizes_.*_filename$')",
    )
    const columns = found.map((r) => r.column_name)
    if (!columns.length) return []
    const { rows } = await client.query(`SELECT id, ${columns.map((c) => `"${c}"`).join(', ')} FROM images`)
    return rows.map((row) => ({ id: row.id, columns, row }))
  } finally {
    await client.end()
  }
}

/**
 * { orphans: [{ name, size }], missing: [{ id, files }] }: `orphans` are file names relative to
 * `media`; `missing` are image ids with the names of their files that are not there.
 */
export async function sweepMedia({ uri = databaseUri(), media = path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), 'media')) } = {}) {
  const rows = await imageRows(uri)
  const referenced = new Set()
  const missing = []
  let present
  try {
    present = (await fs.promises.readdir(media, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
  } catch (error) {
    if (error.code !== 'ENOENT') throw error
    present = []
  }
  const presentSet = new Set(present)
  for (const { id, columns, row } of rows) {
    const gone = []
    for (const column of columns) {
      const name = row[column]
      if (!name) continue
      referenced.add(name)
      if (!presentSet.has(name)) gone.push(name)
    }
    if (gone.length) missing.push({ id, files: gone })
  }
  const orphans = []
  for (const name of present.sort()) {
    if (referenced.has(name) || name.startsWith('.')) continue
    const { size } = await fs.promises.stat(path.join(media, name))
    orphans.push({ name, size })
  }
  return { orphans, missing, media }
}

/** Removes the orphans found by sweepMedia (and only them); returns how many were removed. */
export async function deleteOrphans({ orphans, media }) {
  let removed = 0
  for (const { name } of orphans) {
    await fs.promises.rm(path.join(media, name), { force: true })
    removed++
  }
  return removed
}
