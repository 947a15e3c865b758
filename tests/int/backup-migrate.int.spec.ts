/**
 * An archive made by an older version of the portal is brought up to the code's schema by the
 * restore (its `payload migrate` step), as `npm start` would: a database built by the migrations,
 * its newest migration taken back (`payload migrate:down` on a batch of its own), backed up, then
 * restored with migrations on: the newest migration is applied again and the rows are all there.
 * SQLite, or PostgreSQL with TEST_DATABASE_URI.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { createBackup, knownMigrations, restoreBackup } from '../../src/backup/backup.mjs'
import { appliedMigrations, tableCounts } from '../../src/backup/database.mjs'
import { freshDatabase, type FreshDatabase } from '../helpers/payload'

let dir: string
let database: FreshDatabase
let env: NodeJS.ProcessEnv

/** `payload <command>` as `npm run migrate` runs it, on the test's database. */
function payloadCli(...args: string[]) {
  const result = spawnSync(path.join('node_modules', '.bin', 'payload'), args, { env, encoding: 'utf8', timeout: 180_000 })
  if (result.status !== 0) throw new Error(`payload ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

async function sql(query: string) {
  if (database.kind === 'sqlite') {
    const { default: Database } = await import('libsql')
    const db = new Database(database.uri.replace(/^file:/, ''))
    try {
      db.exec(query)
    } finally {
      db.close()
    }
    return
  }
  const client = new pg.Client({ connectionString: database.uri })
  await client.connect()
  try {
    await client.query(query)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-migrate-'))
  database = await freshDatabase(dir)
  env = {
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-deprecation --conditions=production`.trim(),
    DATABASE_URI: database.uri,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: 'a secret for the migration drill only',
  }
})

afterAll(async () => {
  await database?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

it('restores an archive one migration behind and applies that migration', async () => {
  const kind = database.kind
  const known = knownMigrations(kind).sort()
  const newest = known[known.length - 1]
  payloadCli('migrate')
  expect((await appliedMigrations(database.uri)).map((m) => m.name)).toEqual(known)

  // the older version's database: the newest migration alone in a batch of its own, taken back
  await sql(`UPDATE payload_migrations SET batch = (SELECT max(batch) FROM payload_migrations) + 1 WHERE name = '${newest}'`)
  payloadCli('migrate:down')
  const older = (await appliedMigrations(database.uri)).map((m) => m.name)
  expect(older).toEqual(known.slice(0, -1))
  await sql(`INSERT INTO authors (name, slug, updated_at, created_at) VALUES ('Phóng viên cũ', 'phong-vien-cu', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`)
  const countsBefore = await tableCounts(database.uri)

  const { archive, manifest } = await createBackup({ out: path.join(dir, 'backups'), uri: database.uri, media: env.MEDIA_DIR })
  expect(manifest.migrations.map((m: { name: string }) => m.name)).toEqual(older)

  // the code moves on (the live database is brought up to date), then the old archive is restored
  payloadCli('migrate')
  const progress: string[] = []
  await restoreBackup({ archive, yes: true, uri: database.uri, media: env.MEDIA_DIR!, onProgress: (line: string) => progress.push(line) })
  expect(progress).toContain('Áp dụng migration mới hơn (payload migrate)...')
  expect((await appliedMigrations(database.uri)).map((m) => m.name)).toEqual(known)
  const countsAfter = await tableCounts(database.uri)
  // every row of the archive is there; the newest migration added its tables (and its own row)
  for (const [table, rows] of Object.entries(countsBefore)) {
    if (table === 'payload_migrations') expect(countsAfter[table]).toBe(rows + 1)
    else expect({ table, rows: countsAfter[table] }).toEqual({ table, rows })
  }
  expect(countsAfter.authors).toBe(1)
}, 600_000)
