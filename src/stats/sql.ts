/**
 * The statistics tables are written in SQL that SQLite (3.35+) and PostgreSQL both understand
 * (INSERT ... ON CONFLICT ... DO UPDATE, RETURNING); statements are written with `?` and numbered
 * for PostgreSQL here. Payload's adapters expose their drivers: libsql's client and pg's pool.
 */
import path from 'node:path'

import Libsql from 'libsql'
import type { Payload } from 'payload'

import { adapterKind } from '../lib/database'

export type Row = Record<string, unknown>
export type Statement = { sql: string; args: (string | number | null)[] }

type LibsqlClient = {
  execute: (stmt: Statement) => Promise<{ rows: Row[] }>
  batch: (stmts: Statement[], mode: 'write') => Promise<{ rows: Row[] }[]>
}
type PgClient = { query: (sql: string, args: unknown[]) => Promise<{ rows: Row[] }>; release: (err?: boolean) => void }
type PgPool = { query: PgClient['query']; connect: () => Promise<PgClient> }

const numbered = (sql: string) => {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

type Common = {
  all: (sql: string, args?: Statement['args']) => Promise<Row[]>
  /** Runs the statements as one write transaction; answers each statement's rows. */
  batch: (statements: Statement[]) => Promise<Row[][]>
}

/** A connection for reads, a way to run writes as one transaction, and each dialect's way to write a batch of hits. */
export type Database =
  | (Common & {
      dialect: 'sqlite'
      /** This process's own connection for the batches of hits (see openLocal). */
      local: () => LocalSqlite
    })
  | (Common & {
      dialect: 'postgres'
      /** Runs `work` in one interactive transaction on a pooled client. */
      transaction: <T>(work: (tx: { all: Common['all'] }) => Promise<T>) => Promise<T>
    })

/** A synchronous SQLite connection whose statements are prepared once and kept. */
export type LocalSqlite = {
  /** Runs `work` in one write transaction (BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if it throws). */
  transaction: <T>(work: () => T) => T
  get: (sql: string, args: Statement['args']) => Row | undefined
  /** Answers how many rows the statement changed. */
  run: (sql: string, args: Statement['args']) => number
}

/**
 * The hit batches' own connection to the database file, through libsql (the driver under
 * Payload's client), so that their few statements are prepared once, not on every batch, and a
 * batch runs in one synchronous call. It is a second connection of this process: SQLite's locks
 * keep it consistent with Payload's, and the busy timeout is Payload's.
 */
function openLocal(url: string): LocalSqlite {
  const file = url.replace(/^file:(\/\/)?/, '')
  const db = new Libsql(path.resolve(file))
  db.exec('PRAGMA busy_timeout = 5000')
  // A commit is in the WAL file, in the operating system's hands, when it returns: a killed
  // process (kill -9) loses no acknowledged hit. Only a power cut could undo the last commits,
  // which NORMAL does not wait for the disk to hold (FULL measured ~18% fewer hits/s here).
  // Payload's own connection, which writes the content, keeps FULL.
  db.exec('PRAGMA synchronous = NORMAL')
  const statements = new Map<string, Libsql.Statement<unknown[]>>()
  const prepared = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[]>(sql)))
    return statement
  }
  return {
    transaction: (work) => db.transaction(work).immediate(),
    get: (sql, args) => prepared(sql).get(...args) as Row | undefined,
    run: (sql, args) => prepared(sql).run(...args).changes,
  }
}

export function statsDatabase(payload: Payload): Database {
  const kind = adapterKind(payload)
  if (kind === 'sqlite') {
    const client = (payload.db as unknown as { client: LibsqlClient }).client
    const all: Common['all'] = async (sql, args = []) => (await client.execute({ sql, args })).rows
    const url = (payload.db as unknown as { clientConfig: { url: string } }).clientConfig.url
    let local: LocalSqlite | null = null
    return {
      dialect: 'sqlite',
      local: () => (local ??= openLocal(url)),
      all,
      batch: async (statements) => (statements.length ? (await client.batch(statements, 'write')).map((result) => result.rows) : []),
    }
  }
  if (kind === 'postgres') {
    const pool = (payload.db as unknown as { pool: PgPool }).pool
    const all: Common['all'] = async (sql, args = []) => (await pool.query(numbered(sql), args)).rows
    const transaction = async <T>(work: (tx: { all: Common['all'] }) => Promise<T>): Promise<T> => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN', [])
        const result = await work({ all: async (sql, args = []) => (await client.query(numbered(sql), args)).rows })
        await client.query('COMMIT', [])
        client.release()
        return result
      } catch (error) {
        await client.query('ROLLBACK', []).catch(() => {})
        client.release(true)
        throw error
      }
    }
    return {
      dialect: 'postgres',
      all,
      transaction,
      batch: (statements) =>
        transaction(async (tx) => {
          const rows: Row[][] = []
          for (const { sql, args } of statements) rows.push(await tx.all(sql, args))
          return rows
        }),
    }
  }
  throw new Error(
    'Thống kê truy cập cần SQLite hoặc PostgreSQL (statistics need SQLite or PostgreSQL; the MongoDB path is not written yet).',
  )
}

export const placeholders = (count: number, width: number) =>
  Array.from({ length: count }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ')

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
