/**
 * The SQLite database holds password hashes, sessions and reset tokens; ./data/.secret signs
 * sessions. Both are for the server's own account: their directory is made 0700 and the files
 * 0600. A directory the portal did not make is left as it is (a database may be put in a shared
 * one), except its default ./data, which older installs made world-readable. Files the portal
 * keeps are closed up whenever it starts.
 */
import fs from 'node:fs'
import path from 'node:path'

const DEFAULT_DATA_DIR = () => path.resolve('data')

const wider = (mode: number, allowed: number) => (mode & 0o777 & ~allowed) !== 0

/** chmod that gives up quietly on a file owned by someone else: the server then runs as it can. */
function tighten(file: string, mode: number): void {
  try {
    if (wider(fs.statSync(file).mode, mode)) fs.chmodSync(file, mode)
  } catch {
    // not ours, or gone: nothing to do
  }
}

/** The directory, made 0700 when missing (with its missing parents), or closed if it is ./data. */
export function privateDir(dir: string): void {
  const resolved = path.resolve(dir)
  const made = fs.mkdirSync(resolved, { recursive: true, mode: 0o700 })
  if (made === undefined && resolved === DEFAULT_DATA_DIR()) tighten(resolved, 0o700)
}

/**
 * The file, made empty with mode 0600 if missing, or closed to 0600. SQLite gives its -wal and
 * -shm files the database file's mode, and accepts an empty file as a new database.
 */
export function privateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    tighten(file, 0o600)
  }
}
