/**
 * The statistics tables are written in SQL that SQLite (3.35+) and PostgreSQL both understand
 * (INSERT ... ON CONFLICT ... DO UPDATE, RETURNING); statements are written with `?` and numbered
 * for PostgreSQL here. Payload's adapters expose their drivers: libsql's client and pg's pool.
 */
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

export type Dialect = 'sqlite' | 'postgres'

/** A connection for reads, and a way to run writes as one transaction. */
export type Database = {
  dialect: Dialect
  all: (sql: string, args?: Statement['args']) => Promise<Row[]>
  /** Runs `work` in one transaction (PostgreSQL: an interactive one on a pooled client). */
  transaction: <T>(work: (tx: { all: Database['all'] }) => Promise<T>) => Promise<T>
  /** Runs the statements as one write transaction. */
  batch: (statements: Statement[]) => Promise<void>
}

export function statsDatabase(payload: Payload): Database {
  const kind = adapterKind(payload)
  if (kind === 'sqlite') {
    const client = (payload.db as unknown as { client: LibsqlClient }).client
    const all: Database['all'] = async (sql, args = []) => (await client.execute({ sql, args })).rows
    return {
      dialect: 'sqlite',
      all,
      transaction: async (work) => work({ all }),
      batch: async (statements) => {
        if (statements.length) await client.batch(statements, 'write')
      },
    }
  }
  if (kind === 'postgres') {
    const pool = (payload.db as unknown as { pool: PgPool }).pool
    const all: Database['all'] = async (sql, args = []) => (await pool.query(numbered(sql), args)).rows
    return {
      dialect: 'postgres',
      all,
      transaction: async (work) => {
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
      },
      batch: async (statements) => {
        const client = await pool.connect()
        try {
          await client.query('BEGIN', [])
          for (const { sql, args } of statements) await client.query(numbered(sql), args)
          await client.query('COMMIT', [])
          client.release()
        } catch (error) {
          await client.query('ROLLBACK', []).catch(() => {})
          client.release(true)
          throw error
        }
      },
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
