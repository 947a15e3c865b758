/**
 * Backups and restores of the portal: the database and MEDIA_DIR in one .tar.gz with a manifest
 * (app version, database kind, migrations applied, rows per table, SHA-256 of every file).
 * Plain ESM so that the CLI (scripts/backup.mjs), the server and a Payload job can all use it.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline/promises'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { appliedMigrations, databaseKind, databaseUri, dumpDatabase, replaceDatabase, serverUsing, tableCounts } from './database.mjs'
import { extractTarGz, writeTarGz } from './tar.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const DATABASE_ENTRY = { sqlite: 'database/portal.db', postgres: 'database/portal.dump' }
const LARGE_FILE = 8 * 1024 * 1024

/** A refusal meant for the user: printed as is, exit 1. */
export class BackupError extends Error {}

export function mediaDir() {
  return path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), 'media'))
}

export function backupDir() {
  return path.resolve(process.env.BACKUP_DIR || path.join(process.cwd(), 'backups'))
}

function appVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version
}

/** The migrations this code knows, by database kind (the file names in src/migrations/KIND). */
export function knownMigrations(kind) {
  const dir = path.join(ROOT, 'src', 'migrations', kind)
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.replace(/\.ts$/, ''))
}

async function sha256(file) {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk)
  return hash.digest('hex')
}

async function walk(dir, base = dir) {
  let entries
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true })
  } catch (error) {
    if (error.code === 'ENOENT') return []
    throw error
  }
  const files = []
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await walk(full, base)))
    else if (entry.isFile()) files.push(path.relative(base, full).split(path.sep).join('/'))
  }
  return files.sort()
}

function stamp(date) {
  const p = (n) => String(n).padStart(2, '0')
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Makes `cong-thong-tin-YYYYMMDD-HHMMSS.tar.gz` in `out` while the portal serves; returns its path
 * and manifest. `onProgress(message)` gets a line per stage and per large file.
 * (`payload` is accepted for a job's sake; the database is read on connections of its own.)
 */
export async function createBackup({ out = backupDir(), payload: _payload, onProgress = () => {}, uri = databaseUri(), media = mediaDir() } = {}) {
  const started = Date.now()
  const kind = databaseKind(uri)
  await fs.promises.mkdir(out, { recursive: true, mode: 0o700 })
  const work = await fs.promises.mkdtemp(path.join(out, '.backup-'))
  try {
    onProgress(`Sao chép cơ sở dữ liệu (${kind})...`)
    const dump = path.join(work, path.basename(DATABASE_ENTRY[kind]))
    await dumpDatabase(uri, dump)
    // counts and migrations from the copy itself (SQLite), so that they describe what is archived
    const copyUri = kind === 'sqlite' ? `file:${dump}` : uri
    const [migrations, counts] = kind === 'sqlite' ? await Promise.all([appliedMigrations(copyUri), tableCounts(copyUri)]) : [await appliedMigrations(uri), await tableCounts(uri)]

    const mediaFiles = await walk(media)
    const files = { [DATABASE_ENTRY[kind]]: { size: (await fs.promises.stat(dump)).size, sha256: await sha256(dump) } }
    const entries = [{ name: DATABASE_ENTRY[kind], file: dump }]
    for (const name of mediaFiles) {
      const file = path.join(media, name)
      let stat
      try {
        stat = await fs.promises.stat(file)
      } catch {
        continue // deleted since the listing
      }
      files[`media/${name}`] = { size: stat.size, sha256: await sha256(file) }
      entries.push({ name: `media/${name}`, file })
    }
    const manifest = {
      format: 1,
      app: 'cong-thong-tin',
      version: appVersion(),
      createdAt: new Date(started).toISOString(),
      database: { kind, file: DATABASE_ENTRY[kind] },
      migrations,
      counts,
      files,
    }
    const name = `cong-thong-tin-${stamp(new Date(started))}.tar.gz`
    let archive = path.join(out, name)
    for (let n = 1; fs.existsSync(archive); n++) archive = path.join(out, name.replace('.tar.gz', `-${n}.tar.gz`))
    const total = Object.values(files).reduce((sum, f) => sum + f.size, 0)
    onProgress(`Đóng gói ${entries.length} tệp (${megabytes(total)})...`)
    let done = 0
    await writeTarGz(archive + '.partial', [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) }, ...entries], (entry, size) => {
      if (size >= LARGE_FILE) onProgress(`  ${entry} (${megabytes(size)}), đã đóng gói ${megabytes(done)} / ${megabytes(total)}`)
      done += size
    })
    await fs.promises.rename(archive + '.partial', archive)
    const size = (await fs.promises.stat(archive)).size
    onProgress(`Xong trong ${((Date.now() - started) / 1000).toFixed(1)} s: ${megabytes(size)}.`)
    return { archive, manifest, size, durationMs: Date.now() - started }
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true })
  }
}

/**
 * Extracts `archive` into a temporary directory and checks it: every file listed and its SHA-256,
 * nothing unlisted. Throws BackupError naming the file otherwise. The caller removes `dir`.
 */
export async function openArchive(archive) {
  if (!fs.existsSync(archive)) throw new BackupError(`Không tìm thấy tệp sao lưu: ${archive}`)
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cong-thong-tin-restore-'))
  try {
    let names
    try {
      names = await extractTarGz(archive, dir)
    } catch (error) {
      throw new BackupError(`Tệp sao lưu bị hỏng, không đọc được (${error.message}): ${archive}`)
    }
    let manifest
    try {
      manifest = JSON.parse(await fs.promises.readFile(path.join(dir, 'manifest.json'), 'utf8'))
    } catch {
      throw new BackupError(`Tệp sao lưu không có manifest.json hợp lệ: ${archive}`)
    }
    for (const [name, expected] of Object.entries(manifest.files ?? {})) {
      const file = path.join(dir, name)
      if (!fs.existsSync(file)) throw new BackupError(`Tệp sao lưu thiếu tệp ${name} (có trong manifest): từ chối khôi phục.`)
      const actual = await sha256(file)
      if (actual !== expected.sha256) throw new BackupError(`Tệp ${name} trong bản sao lưu đã bị thay đổi (SHA-256 không khớp): từ chối khôi phục.`)
    }
    const unlisted = names.filter((name) => name !== 'manifest.json' && !(name in (manifest.files ?? {})))
    if (unlisted.length) throw new BackupError(`Tệp ${unlisted[0]} trong bản sao lưu không có trong manifest: từ chối khôi phục.`)
    return { dir, manifest }
  } catch (error) {
    await fs.promises.rm(dir, { recursive: true, force: true })
    throw error
  }
}

async function confirm(question) {
  if (!process.stdin.isTTY) return false
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^(c|có|co|y|yes)$/i.test((await rl.question(question)).trim())
  } finally {
    rl.close()
  }
}

/** `payload migrate` as npm start runs it: applies migrations newer than the restored database. */
export function migrate(env = process.env) {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'payload')
  const options = `${env.NODE_OPTIONS ?? ''} --no-deprecation --conditions=production`.trim()
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['migrate'], { cwd: ROOT, env: { ...env, NODE_ENV: 'production', NODE_OPTIONS: options }, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`payload migrate thất bại (mã ${code}).`))))
  })
}

/**
 * Restores `archive` over DATABASE_URI and MEDIA_DIR. Refuses (BackupError): a changed or missing
 * file, a newer schema than the code's, another kind of database, a server using the database,
 * and without `yes` a "no" (or no terminal to ask on). Then applies newer migrations unless
 * `migrate: false`.
 */
export async function restoreBackup({ archive, yes = false, uri = databaseUri(), media = mediaDir(), runMigrations = true, onProgress = () => {} }) {
  const started = Date.now()
  const kind = databaseKind(uri)
  onProgress('Kiểm tra tệp sao lưu (SHA-256 từng tệp)...')
  const { dir, manifest } = await openArchive(archive)
  try {
    if (manifest.database?.kind !== kind) {
      throw new BackupError(`Bản sao lưu là của ${manifest.database?.kind}, cơ sở dữ liệu hiện tại là ${kind}: chỉ khôi phục được cùng loại.`)
    }
    const known = new Set(knownMigrations(kind))
    const newer = (manifest.migrations ?? []).map((m) => m.name).filter((name) => name !== 'dev' && !known.has(name))
    if (newer.length) {
      throw new BackupError(`Bản sao lưu được tạo bởi phiên bản mới hơn (migration chưa biết: ${newer.join(', ')}): hãy cập nhật mã nguồn trước khi khôi phục.`)
    }
    const busy = await serverUsing(uri)
    if (busy) throw new BackupError(`Không thể khôi phục khi ${busy}. Hãy dừng máy chủ trước.`)
    if (!yes) {
      if (!process.stdin.isTTY) throw new BackupError('Khôi phục sẽ ghi đè cơ sở dữ liệu và thư mục ảnh hiện tại; chạy lại với --yes để xác nhận.')
      const ok = await confirm(`Ghi đè cơ sở dữ liệu (${kind}) và thư mục ảnh ${media} bằng bản sao lưu ngày ${manifest.createdAt}? [c/K] `)
      if (!ok) throw new BackupError('Đã hủy: không có gì bị thay đổi.')
    }
    onProgress('Khôi phục cơ sở dữ liệu...')
    await replaceDatabase(uri, path.join(dir, manifest.database.file))
    onProgress(`Khôi phục ảnh vào ${media}...`)
    await fs.promises.mkdir(media, { recursive: true })
    for (const name of await fs.promises.readdir(media)) await fs.promises.rm(path.join(media, name), { recursive: true, force: true })
    const mediaRoot = path.join(dir, 'media')
    for (const name of await walk(mediaRoot)) {
      const target = path.join(media, name)
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      await fs.promises.rename(path.join(mediaRoot, name), target).catch(() => fs.promises.copyFile(path.join(mediaRoot, name), target))
    }
    if (runMigrations) {
      onProgress('Áp dụng migration mới hơn (payload migrate)...')
      await migrate({ ...process.env, DATABASE_URI: uri, MEDIA_DIR: media })
    }
    onProgress(`Xong trong ${((Date.now() - started) / 1000).toFixed(1)} s.`)
    return { manifest, durationMs: Date.now() - started }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true })
  }
}
