/**
 * What the portal keeps on disk about its users (the SQLite database: password hashes, sessions,
 * reset tokens; the generated session secret) is readable by the server's own account only:
 * data/ 0700, the database, its WAL files and the secret 0600.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'

import { databaseAdapter, DEFAULT_DATABASE_URI } from '../../src/lib/database'
import { payloadSecret } from '../../src/lib/secret'

const modeOf = (file: string) => fs.statSync(file).mode & 0o777
const options = { migrationsDir: path.resolve('src/migrations') }


let root: string
const saved = { PAYLOAD_SECRET: process.env.PAYLOAD_SECRET, SECRET_FILE: process.env.SECRET_FILE }

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-files-'))
  fs.chmodSync(root, 0o755)
  delete process.env.PAYLOAD_SECRET
})

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true })
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

/** Opens the database as the server does (WAL) and writes, so that SQLite makes its side files. */
function write(file: string) {
  const db = new Database(file)
  db.exec("PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1)")
  return db
}

describe('files on disk', () => {
  it('a fresh data/ is 0700, the database and its WAL files 0600', () => {
    const file = path.join(root, 'data', 'portal.db')
    databaseAdapter(`file:${file}`, options)
    const db = write(file)
    expect(modeOf(path.join(root, 'data')).toString(8)).toBe('700')
    expect(modeOf(file).toString(8)).toBe('600')
    expect(modeOf(`${file}-wal`).toString(8)).toBe('600')
    expect(modeOf(`${file}-shm`).toString(8)).toBe('600')
    db.close()
  })

  it('the generated secret is 0600 in a 0700 directory', () => {
    process.env.SECRET_FILE = path.join(root, 'data', '.secret')
    const secret = payloadSecret()
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(modeOf(process.env.SECRET_FILE).toString(8)).toBe('600')
    expect(modeOf(path.join(root, 'data')).toString(8)).toBe('700')
  })

  it('the default data/ and its files, left readable by others by an older install, are closed on start', () => {
    const cwd = process.cwd()
    process.chdir(root)
    try {
      fs.mkdirSync('data')
      fs.chmodSync('data', 0o755)
      write('data/portal.db').close()
      fs.writeFileSync('data/.secret', 'a'.repeat(64))
      for (const name of ['data/portal.db', 'data/.secret']) fs.chmodSync(name, 0o644)
      delete process.env.SECRET_FILE
      expect(payloadSecret()).toBe('a'.repeat(64))
      databaseAdapter(DEFAULT_DATABASE_URI, options)
      expect(modeOf('data').toString(8)).toBe('700')
      expect(modeOf('data/portal.db').toString(8)).toBe('600')
      expect(modeOf('data/.secret').toString(8)).toBe('600')
    } finally {
      process.chdir(cwd)
    }
  })

  it('a database in a directory the portal does not own leaves that directory as it is', () => {
    const shared = path.join(root, 'shared')
    fs.mkdirSync(shared)
    fs.chmodSync(shared, 0o755)
    const file = path.join(shared, 'portal.db')
    databaseAdapter(`file:${file}`, options)
    expect(modeOf(shared).toString(8)).toBe('755')
    expect(modeOf(file).toString(8)).toBe('600')
  })
})
