/**
 * The database side of a backup, on connections of its own (never the server's): an online copy
 * (SQLite `VACUUM INTO`, PostgreSQL `pg_dump -Fc`), row counts per table, the migrations applied,
 * whether a server is using it, and putting a copy back.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const DEFAULT_DATABASE_URI = 'file:./data/portal.db'

export function databaseUri() {
  return process.env.DATABASE_URI || DEFAULT_DATABASE_URI
}

/** 'sqlite' | 'postgres'; MongoDB is not backed up by these commands. */
export function databaseKind(uri = databaseUri()) {
  if (uri.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  throw new Error(`Sao lưu chỉ hỗ trợ SQLite (file:...) và PostgreSQL (postgres://...); DATABASE_URI là "${uri.replace(/\/\/[^@/]*@/, '//…@')}".`)
}

export function sqliteFile(uri) {
  return path.resolve(uri.replace(/^file:(\/\/)?/, ''))
}

/** The file the server (scripts/server.mjs) keeps next to a SQLite database while it serves it. */
export function servingFile(uri = databaseUri()) {
  return `${sqliteFile(uri)}.serving`
}

async function sqlite(uri, work) {
  const { default: Database } = await import('libsql')
  const db = new Database(sqliteFile(uri))
  try {
    db.exec('PRAGMA busy_timeout = 5000')
    return await work(db)
  } finally {
    db.close()
  }
}

async function postgres(uri, work) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: uri, application_name: 'cong-thong-tin-backup' })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Rows per table, for the manifest and for comparing a restore with its backup. */
export async function tableCounts(uri = databaseUri()) {
  const counts = {}
  if (databaseKind(uri) === 'sqlite') {
    if (!fs.existsSync(sqliteFile(uri))) return counts
    await sqlite(uri, (db) => {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
      for (const { name } of tables) counts[name] = Number(db.prepare(`SELECT count(*) AS n FROM "${name}"`).get().n)
    })
  } else {
    await postgres(uri, async (client) => {
      const { rows } = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
      for (const { table_name: name } of rows) counts[name] = Number((await client.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n)
    })
  }
  return counts
}

/** The migrations recorded in payload_migrations ([] when the table does not exist). */
export async function appliedMigrations(uri = databaseUri()) {
  const sql = 'SELECT name, batch FROM payload_migrations ORDER BY id'
  try {
    const rows =
      databaseKind(uri) === 'sqlite' ? await sqlite(uri, (db) => db.prepare(sql).all()) : await postgres(uri, async (client) => (await client.query(sql)).rows)
    return rows.map((row) => ({ name: String(row.name), batch: row.batch == null ? null : Number(row.batch) }))
  } catch (error) {
    if (/no such table|does not exist/.test(String(error?.message))) return []
    throw error
  }
}

/** An online copy of the database into `dest` (a file): the server keeps answering meanwhile. */
export async function dumpDatabase(uri, dest) {
  if (databaseKind(uri) === 'sqlite') {
    // VACUUM INTO reads one consistent snapshot (WAL: the writer goes on) and writes a compact copy
    await sqlite(uri, (db) => db.exec(`VACUUM INTO '${dest.replaceAll("'", "''")}'`))
  } else {
    await run('pg_dump', ['-Fc', '--no-owner', '--no-privileges', '-f', dest, '--dbname', uri], { maxBuffer: 16 * 1024 * 1024 }).catch((error) => {
      if (error.code === 'ENOENT') throw new Error('Không tìm thấy pg_dump: cài postgresql-client (apt-get install -y postgresql-client).')
      throw new Error(`pg_dump thất bại: ${error.stderr || error.message}`)
    })
  }
}

/** Null when nothing else is using the database; otherwise why restoring now is refused. */
export async function serverUsing(uri = databaseUri()) {
  if (databaseKind(uri) === 'sqlite') {
    const file = servingFile(uri)
    let pid
    try {
      pid = Number(fs.readFileSync(file, 'utf8').trim())
    } catch {
      return null
    }
    if (!pid) return null
    try {
      process.kill(pid, 0)
    } catch (error) {
      if (error.code === 'ESRCH') return null // left by a server that was killed
    }
    return `máy chủ (pid ${pid}) đang phục vụ cơ sở dữ liệu này (${file})`
  }
  return postgres(uri, async (client) => {
    const { rows } = await client.query(
      'SELECT pid, application_name, client_addr FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )
    if (!rows.length) return null
    return `${rows.length} kết nối khác đang mở tới cơ sở dữ liệu này (pid ${rows.map((r) => r.pid).join(', ')})`
  })
}

/** Puts the copy `source` (from dumpDatabase) in place of the database. Nothing may be using it. */
export async function replaceDatabase(uri, source) {
  if (databaseKind(uri) === 'sqlite') {
    const file = sqliteFile(uri)
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
    const temporary = `${file}.restoring`
    await fs.promises.copyFile(source, temporary)
    await fs.promises.chmod(temporary, 0o600)
    // the old write-ahead log belongs to the old file: it must not be replayed onto the restored one
    for (const extra of ['-wal', '-shm', '-journal']) await fs.promises.rm(file + extra, { force: true })
    await fs.promises.rename(temporary, file)
    return
  }
  await postgres(uri, async (client) => {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE')
    await client.query('CREATE SCHEMA public')
  })
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', uri, source], { maxBuffer: 16 * 1024 * 1024 }).catch((error) => {
    if (error.code === 'ENOENT') throw new Error('Không tìm thấy pg_restore: cài postgresql-client (apt-get install -y postgresql-client).')
    throw new Error(`pg_restore thất bại: ${error.stderr || error.message}`)
  })
}
