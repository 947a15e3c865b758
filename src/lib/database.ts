/**
 * The one place that knows which database adapter is in use: DATABASE_URI decides.
 * unset or file: → SQLite (embedded default), postgres:// → PostgreSQL, mongodb:// → MongoDB.
 */
import path from 'node:path'

import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'

import { privateDir, privateFile } from './privateFiles'

export const DEFAULT_DATABASE_URI = 'file:./data/portal.db'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export function databaseKind(uri: string = databaseUri()): DatabaseKind {
  if (uri.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  throw new Error(
    `DATABASE_URI không hợp lệ: "${uri}". Dùng file:... (SQLite), postgres://... hoặc mongodb://...`,
  )
}

export function databaseUri(): string {
  return process.env.DATABASE_URI || DEFAULT_DATABASE_URI
}

/**
 * Schema push is for development and tests only; production applies committed migrations. A test
 * of a command that runs on a migrated database sets DATABASE_PUSH=false to open it as production
 * does (a push would mark it as a dev database).
 */
const push = process.env.NODE_ENV !== 'production' && process.env.DATABASE_PUSH !== 'false'

type Options = {
  migrationsDir: string
  sqliteMigrations?: Parameters<typeof sqliteAdapter>[0]['prodMigrations']
  postgresMigrations?: Parameters<typeof postgresAdapter>[0]['prodMigrations']
}

export function databaseAdapter(uri: string, options: Options): DatabaseAdapterObj {
  switch (databaseKind(uri)) {
    case 'sqlite': {
      const file = uri.replace(/^file:(\/\/)?/, '')
      if (file && file !== ':memory:') {
        // password hashes, sessions, reset tokens: for the server's account only (privateFiles.ts)
        privateDir(path.dirname(path.resolve(file)))
        privateFile(path.resolve(file))
      }
      return sqliteAdapter({
        client: { url: uri },
        // WAL lets readers go on while the one writer commits; the busy timeout covers brief
        // overlaps (a migration or a seed next to the server) instead of failing at once.
        wal: true,
        busyTimeout: 5000,
        push,
        migrationDir: path.join(options.migrationsDir, 'sqlite'),
        prodMigrations: options.sqliteMigrations,
      })
    }
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: uri, max: Number(process.env.DATABASE_POOL_MAX || 10) },
        push,
        migrationDir: path.join(options.migrationsDir, 'postgres'),
        prodMigrations: options.postgresMigrations,
      })
    case 'mongodb':
      return mongooseAdapter({ url: uri })
  }
}

/** Which database a running Payload instance uses, from its adapter. */
export function adapterKind(payload: { db: { name: string } }): DatabaseKind {
  switch (payload.db.name) {
    case 'sqlite':
      return 'sqlite'
    case 'postgres':
      return 'postgres'
    default:
      return 'mongodb'
  }
}
