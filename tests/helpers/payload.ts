/**
 * A Payload instance on a database of its own for one test file: a temporary SQLite file, or,
 * when TEST_DATABASE_URI is set (postgres://), a fresh PostgreSQL database dropped afterwards.
 */
import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { Payload, SanitizedConfig } from 'payload'

export type TestPayload = {
  payload: Payload
  config: SanitizedConfig
  kind: 'sqlite' | 'postgres'
  close: () => Promise<void>
}

/**
 * payload.destroy() leaves the pg pool open with a client still checked out, and pool.end()
 * waits for every checked-out client: release them (destroying the connection) first.
 */
async function endPool(pool: pg.Pool): Promise<void> {
  const internal = pool as unknown as { _clients: { release?: (err?: Error | boolean) => void }[] }
  for (const client of [...internal._clients]) {
    try {
      client.release?.(true)
    } catch {
      // an idle client: its release was already called, pool.end() closes it
    }
  }
  await pool.end()
}

/** Stops Payload and closes every database connection it held (PostgreSQL: the whole pool). */
export async function stopPayload(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: pg.Pool }).pool
  // pool.end() resolves before its idle connections have closed, and the database may be dropped
  // WITH (FORCE) right after: a connection still closing gets "terminating connection due to
  // administrator command", which a pool with no error listener throws as an unhandled error.
  pool?.on('error', () => {})
  await payload.destroy()
  if (pool) await endPool(pool)
}

export type FreshDatabase = { uri: string; kind: 'sqlite' | 'postgres'; drop: () => Promise<void> }

/** An empty database of its own: a SQLite file in `dir`, or a new PostgreSQL database on TEST_DATABASE_URI. */
export async function freshDatabase(dir: string): Promise<FreshDatabase> {
  const testUri = process.env.TEST_DATABASE_URI
  if (!testUri) return { uri: `file:${path.join(dir, 'test.db')}`, kind: 'sqlite', drop: async () => {} }
  if (!/^postgres(ql)?:\/\//.test(testUri)) throw new Error(`TEST_DATABASE_URI must be postgres://...; got ${testUri}`)
  const name = `portal_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testUri })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(testUri)
  url.pathname = `/${name}`
  return {
    uri: url.toString(),
    kind: 'postgres',
    drop: async () => {
      const client = new pg.Client({ connectionString: testUri })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

/** `payload migrate` in production mode, as `npm start` runs it, on `uri`. */
function migrateDatabase(uri: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join('node_modules', '.bin', 'payload'),
      ['migrate'],
      {
        env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation --conditions=production', DATABASE_URI: uri, PAYLOAD_SECRET: 'migrations only' },
        timeout: 180_000,
      },
      (error, stdout, stderr) => (error ? reject(new Error(`payload migrate failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve()),
    )
  })
}

/**
 * A Payload instance on a fresh database of its own. With `{ migrated: true }` the database is
 * built by the migrations and opened as production does (no push), for tests of the commands an
 * operator runs on a real database.
 */
export async function createTestPayload(env: Record<string, string> = {}, { migrated = false }: { migrated?: boolean } = {}): Promise<TestPayload> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-test-'))
  const database = await freshDatabase(dir)
  const kind = database.kind
  const dropDatabase = database.drop
  if (migrated) await migrateDatabase(database.uri)
  const settings: Record<string, string> = {
    DATABASE_URI: database.uri,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
    ...(migrated ? { DATABASE_PUSH: 'false' } : {}),
    ...env,
  }
  // Test files share their worker's environment: remember it, to give it back on close.
  const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]))
  Object.assign(process.env, settings)

  const { getPayload } = await import('payload')
  const { default: configPromise } = await import('../../payload.config')
  const config = await configPromise
  const payload = await getPayload({ config })

  return {
    payload,
    config,
    kind,
    close: async () => {
      await stopPayload(payload)
      await dropDatabase()
      await fs.rm(dir, { recursive: true, force: true })
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    },
  }
}
