/**
 * Backups the portal takes by itself: on a schedule (BACKUP_CRON, in Vietnam's time) and when an
 * admin presses "Sao lưu ngay" in /admin/sao-luu. Each one runs `scripts/backup.mjs` in a process
 * of its own (SQLite's VACUUM INTO and gzip would otherwise hold this server's event loop while
 * readers wait), records its result in the `backups` collection, keeps the newest BACKUP_KEEP
 * archives in BACKUP_DIR and says loudly in the log when one fails.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { Cron } from 'croner'
import type { Payload } from 'payload'

export const BACKUP_QUEUE = 'backup'
export const BACKUP_TIMEZONE = 'Asia/Ho_Chi_Minh'
export const DEFAULT_BACKUP_CRON = '0 2 * * *'
export const DEFAULT_BACKUP_KEEP = 14
const MAX_BACKUP_KEEP = 1000
/** A running backup writes its row this often; a row silent for HEARTBEAT_STALE_MS was interrupted. */
const HEARTBEAT_MS = 15_000
export const HEARTBEAT_STALE_MS = 4 * HEARTBEAT_MS
/** BACKUP_TIMEOUT_MINUTES: a backup process still running after this is stopped (default 4 hours). */
export function backupTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.BACKUP_TIMEOUT_MINUTES)
  return (Number.isFinite(minutes) && minutes > 0 && minutes <= 24 * 60 ? minutes : 240) * 60_000
}
/** What is kept of the backup process's messages, for the row and the log (its tail). */
const OUTPUT_TAIL = 4000
const ARCHIVE_NAME = /^cong-thong-tin-\d{8}-\d{6}(-\d+)?\.tar\.gz$/

export type BackupTrigger = 'schedule' | 'manual'

/**
 * BACKUP_CRON: a cron expression read in Vietnam's time (default daily at 02:00), or "off".
 * An expression Croner cannot read turns scheduled backups off with an error in the log, rather
 * than stopping the portal at start.
 */
export function backupCron(env: NodeJS.ProcessEnv = process.env): { cron: string | null; problem?: string } {
  const raw = (env.BACKUP_CRON ?? '').trim()
  if (/^(off|false|0|no|none)$/i.test(raw)) return { cron: null }
  const cron = raw || DEFAULT_BACKUP_CRON
  try {
    new Cron(cron, { timezone: BACKUP_TIMEZONE, paused: true }).stop()
    return { cron }
  } catch (error) {
    return { cron: null, problem: `BACKUP_CRON="${cron}" không đọc được (${(error as Error).message}): sao lưu theo lịch bị tắt.` }
  }
}

/** BACKUP_KEEP: how many archives to keep in BACKUP_DIR (default 14; 1 to 1,000). */
export function backupKeep(env: NodeJS.ProcessEnv = process.env): number {
  const raw = (env.BACKUP_KEEP ?? '').trim()
  if (!raw) return DEFAULT_BACKUP_KEEP
  const keep = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN
  return keep >= 1 && keep <= MAX_BACKUP_KEEP ? keep : DEFAULT_BACKUP_KEEP
}

export function backupDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.BACKUP_DIR || path.join(process.cwd(), 'backups'))
}

/** The next time `cron` fires after `from`, in Vietnam's time. */
export function nextBackupAt(cron: string, from: Date = new Date()): Date | null {
  return new Cron(cron, { timezone: BACKUP_TIMEZONE, paused: true }).nextRun(from)
}

/** Deletes all but the newest `keep` archives in `dir` (only files named as backups name them). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  let names: string[]
  try {
    names = (await fs.promises.readdir(dir)).filter((name) => ARCHIVE_NAME.test(name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  // the name holds the time (YYYYMMDD-HHMMSS, then -N for a second one in the same second)
  const byAge = names.sort((a, b) => {
    const [stampA, stampB] = [a.slice(15, 30), b.slice(15, 30)]
    if (stampA !== stampB) return stampA < stampB ? -1 : 1
    const n = (name: string) => Number(/-(\d+)\.tar\.gz$/.exec(name.slice(30))?.[1] ?? 0)
    return n(a) - n(b)
  })
  const doomed = byAge.slice(0, Math.max(0, byAge.length - keep))
  for (const name of doomed) await fs.promises.rm(path.join(dir, name), { force: true })
  return doomed
}

type Outcome = { status: 'ok'; archive: string; size: number; durationMs: number; pruned: string[] } | { status: 'failed'; error: string; durationMs: number } | { status: 'skipped' }

/** Runs `node scripts/backup.mjs backup --out DIR`; resolves with its archive or its last words. */
function backupProcess(out: string, timeoutMs: number): Promise<{ code: number | null; archive: string; tail: string }> {
  return new Promise((resolve) => {
    const script = path.join(process.cwd(), 'scripts', 'backup.mjs')
    const child = spawn(process.execPath, [script, 'backup', '--out', out], { cwd: process.cwd(), env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let tail = ''
    // a stuck VACUUM INTO or pg_dump would keep its row "running" and every "Sao lưu ngay" refused
    const timer = setTimeout(() => {
      tail += `\nQuá thời gian (${Math.round(timeoutMs / 60_000)} phút, BACKUP_TIMEOUT_MINUTES): đã dừng tiến trình sao lưu.`
      child.kill('SIGKILL')
    }, timeoutMs)
    timer.unref()
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(-OUTPUT_TAIL)))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (tail = (tail + chunk).slice(-OUTPUT_TAIL)))
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: null, archive: '', tail: `${tail}\n${error.message}` })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, archive: stdout.trim().split('\n').pop() ?? '', tail })
    })
  })
}

const isUniqueClash = async (payload: Payload, slot: string) =>
  (await payload.count({ collection: 'backups', where: { slot: { equals: slot } }, overrideAccess: true })).totalDocs > 0

/**
 * Takes one backup and records it. `slot` names the run: a scheduled one is its time slot, so that
 * two app instances firing at once take one backup (the second finds the slot taken: 'skipped').
 */
export async function runBackup(
  payload: Payload,
  {
    trigger,
    slot,
    requestedBy,
    out = backupDirectory(),
    keep = backupKeep(),
    timeoutMs = backupTimeoutMs(),
  }: { trigger: BackupTrigger; slot: string; requestedBy?: number | string; out?: string; keep?: number; timeoutMs?: number },
): Promise<Outcome & { id?: number | string }> {
  const started = Date.now()
  let row
  try {
    row = await payload.create({
      collection: 'backups',
      data: { slot, trigger, status: 'running', startedAt: new Date(started).toISOString(), ...(requestedBy !== undefined ? { requestedBy: requestedBy as number } : {}) },
      overrideAccess: true,
    })
  } catch (error) {
    if (await isUniqueClash(payload, slot)) return { status: 'skipped' }
    throw error
  }
  // one backup at a time: when another is running (a click while the scheduled one runs, two
  // admins at once, another instance), the one that started first goes on and this one stands down
  const { docs: others } = await payload.find({
    collection: 'backups',
    where: { and: [{ status: { equals: 'running' } }, { id: { not_equals: row.id } }] },
    limit: 10,
    depth: 0,
    overrideAccess: true,
  })
  if (others.some((other) => !interrupted(other) && Number(other.id) < Number(row.id))) {
    await payload.delete({ collection: 'backups', id: row.id, overrideAccess: true })
    return { status: 'skipped' }
  }
  const heartbeat = setInterval(() => {
    payload.update({ collection: 'backups', id: row.id, data: { status: 'running' }, overrideAccess: true }).catch(() => {})
  }, HEARTBEAT_MS)
  heartbeat.unref()
  try {
    const { code, archive, tail } = await backupProcess(out, timeoutMs)
    const durationMs = Date.now() - started
    if (code === 0 && archive.endsWith('.tar.gz') && fs.existsSync(archive)) {
      const size = (await fs.promises.stat(archive)).size
      const pruned = await pruneBackups(path.dirname(archive), keep)
      await payload.update({
        collection: 'backups',
        id: row.id,
        data: { status: 'ok', finishedAt: new Date().toISOString(), durationMs, archive: path.basename(archive), size },
        overrideAccess: true,
      })
      payload.logger.info(`Sao lưu xong: ${archive} (${(size / 1024 / 1024).toFixed(1)} MB, ${(durationMs / 1000).toFixed(1)} s)${pruned.length ? `; đã xóa ${pruned.length} bản cũ (giữ ${keep})` : ''}.`)
      return { id: row.id, status: 'ok', archive, size, durationMs, pruned }
    }
    const error = (tail.trim() || `tiến trình sao lưu kết thúc với mã ${code}`).split('\n').slice(-6).join('\n')
    await payload.update({ collection: 'backups', id: row.id, data: { status: 'failed', finishedAt: new Date().toISOString(), durationMs, error }, overrideAccess: true })
    payload.logger.error(`SAO LƯU THẤT BẠI (${trigger === 'schedule' ? 'theo lịch' : 'sao lưu ngay'}, vào ${out}): ${error}`)
    return { id: row.id, status: 'failed', error, durationMs }
  } finally {
    clearInterval(heartbeat)
  }
}

/** A backup still marked running whose process has stopped writing its row (the server died). */
export function interrupted(row: { status?: string | null; updatedAt?: string | null }, now = Date.now()): boolean {
  return row.status === 'running' && Boolean(row.updatedAt) && now - Date.parse(row.updatedAt as string) > HEARTBEAT_STALE_MS
}

/**
 * A backup job left "processing" by a server that died during it is never picked up again, and
 * Payload's scheduler, seeing it still active, would queue no further scheduled backup: every one
 * after it would silently not happen. When no backup is really running (no row with a fresh
 * heartbeat), such jobs are closed as failed and their rows marked interrupted. Answers how many.
 */
export async function releaseInterruptedBackups(payload: Payload, now = Date.now()): Promise<number> {
  const { docs: running } = await payload.find({ collection: 'backups', where: { status: { equals: 'running' } }, limit: 20, depth: 0, overrideAccess: true })
  if (running.some((row) => !interrupted(row, now))) return 0
  const before = new Date(now - HEARTBEAT_STALE_MS).toISOString()
  const { docs: stuck } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ queue: { equals: BACKUP_QUEUE } }, { processing: { equals: true } }, { completedAt: { exists: false } }, { updatedAt: { less_than: before } }] },
    limit: 20,
    depth: 0,
    overrideAccess: true,
  })
  const message = 'Bị gián đoạn: máy chủ dừng giữa chừng.'
  for (const job of stuck) {
    await payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { processing: false, hasError: true, completedAt: new Date(now).toISOString(), error: { message } },
      overrideAccess: true,
    })
  }
  for (const row of running) {
    await payload.update({ collection: 'backups', id: row.id, data: { status: 'failed', finishedAt: new Date(now).toISOString(), error: message }, overrideAccess: true })
  }
  if (stuck.length || running.length) payload.logger.error(`SAO LƯU THẤT BẠI: ${running.length} bản sao lưu ${message} Lịch sao lưu tiếp tục.`)
  return stuck.length
}
