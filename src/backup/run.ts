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
function backupProcess(out: string): Promise<{ code: number | null; archive: string; tail: string }> {
  return new Promise((resolve) => {
    const script = path.join(process.cwd(), 'scripts', 'backup.mjs')
    const child = spawn(process.execPath, [script, 'backup', '--out', out], { cwd: process.cwd(), env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let tail = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(-OUTPUT_TAIL)))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (tail = (tail + chunk).slice(-OUTPUT_TAIL)))
    child.on('error', (error) => resolve({ code: null, archive: '', tail: `${tail}\n${error.message}` }))
    child.on('close', (code) => resolve({ code, archive: stdout.trim().split('\n').pop() ?? '', tail }))
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
  { trigger, slot, requestedBy, out = backupDirectory(), keep = backupKeep() }: { trigger: BackupTrigger; slot: string; requestedBy?: number | string; out?: string; keep?: number },
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
  const heartbeat = setInterval(() => {
    payload.update({ collection: 'backups', id: row.id, data: { status: 'running' }, overrideAccess: true }).catch(() => {})
  }, HEARTBEAT_MS)
  heartbeat.unref()
  try {
    const { code, archive, tail } = await backupProcess(out)
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
