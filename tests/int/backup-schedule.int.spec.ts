/**
 * Backups the portal takes by itself (src/backup/run.ts, src/jobs/backup.ts): BACKUP_CRON read in
 * Vietnam's time, BACKUP_KEEP and the pruning of old archives, one recorded row per backup (its
 * size, duration and result; a failure recorded and logged loudly), one backup per time slot
 * whatever the number of instances, and "Sao lưu ngay" (POST /api/backups/run) for admins only.
 * SQLite, or PostgreSQL with TEST_DATABASE_URI.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { extractTarGz } from '../../src/backup/tar.mjs'
import { backupCron, backupKeep, nextBackupAt, pruneBackups, releaseInterruptedBackups, runBackup } from '../../src/backup/run'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

let ctx: TestPayload
let payload: Payload
let out: string
const password = 'một mật khẩu đủ dài 2026'

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-scheduled-backups-'))
  ctx = await createTestPayload({ BACKUP_DIR: out, BACKUP_KEEP: '2' })
  payload = ctx.payload
  for (const role of ['admin', 'editor'] as const) {
    await payload.create({ collection: 'users', data: { email: `${role}@example.vn`, password, name: role, roles: [role] }, overrideAccess: true })
  }
})

afterAll(async () => {
  await ctx?.close()
  fs.rmSync(out, { recursive: true, force: true })
})

const archives = () => fs.readdirSync(out).filter((name) => name.endsWith('.tar.gz')).sort()
const rows = async () => (await payload.find({ collection: 'backups', sort: 'startedAt', limit: 100, depth: 0, overrideAccess: true })).docs

async function settled(id: number | string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const row = await payload.findByID({ collection: 'backups', id, depth: 0, overrideAccess: true })
    if (row.status !== 'running') return row
    if (Date.now() > until) throw new Error(`backup ${id} still running after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe('the schedule', () => {
  it('is daily at 02:00 in Vietnam by default: 19:00 UTC the day before', () => {
    expect(backupCron({})).toEqual({ cron: '0 2 * * *' })
    expect(nextBackupAt('0 2 * * *', new Date('2026-12-01T18:59:00Z'))?.toISOString()).toBe('2026-12-01T19:00:00.000Z')
    expect(nextBackupAt('0 2 * * *', new Date('2026-12-01T19:00:00Z'))?.toISOString()).toBe('2026-12-02T19:00:00.000Z')
    expect(nextBackupAt('30 23 * * 0', new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-06T16:30:00.000Z')
  })

  it('is off with BACKUP_CRON=off, and an unreadable one is turned off with a reason instead of stopping the portal', () => {
    expect(backupCron({ BACKUP_CRON: 'off' })).toEqual({ cron: null })
    const broken = backupCron({ BACKUP_CRON: '61 2 * * *' })
    expect(broken.cron).toBeNull()
    expect(broken.problem).toMatch(/^BACKUP_CRON="61 2 \* \* \*" không đọc được .*: sao lưu theo lịch bị tắt\.$/)
  })

  it('keeps BACKUP_KEEP archives: 14 unless a whole number from 1 to 1,000 is given', () => {
    expect(backupKeep({})).toBe(14)
    expect(backupKeep({ BACKUP_KEEP: '3' })).toBe(3)
    expect(backupKeep({ BACKUP_KEEP: '1000' })).toBe(1000)
    for (const wrong of ['0', '1001', '-2', '2.5', 'abc', '1e3']) expect(backupKeep({ BACKUP_KEEP: wrong })).toBe(14)
  })

  it('keeps one waiting scheduled backup in the queue, for the next 02:00 in Vietnam', async () => {
    const before = Date.now()
    await payload.jobs.handleSchedules({ queue: 'backup' })
    await payload.jobs.handleSchedules({ queue: 'backup' })
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { queue: { equals: 'backup' } }, depth: 0, overrideAccess: true })
    expect(docs).toHaveLength(1)
    const [job] = docs
    expect(job.taskSlug).toBe('backup')
    const expected = nextBackupAt('0 2 * * *', new Date(before))!.toISOString()
    expect(new Date(job.waitUntil as string).toISOString()).toBe(expected)
    expect(job.input).toEqual({ trigger: 'schedule', slot: `schedule:${expected}` })
    // not due: working the queue now runs nothing
    await payload.jobs.run({ queue: 'backup' })
    expect(await rows()).toHaveLength(0)
    await payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'backup' } }, overrideAccess: true })
  })
})

describe('pruning', () => {
  it('deletes the oldest archives beyond the number kept, and nothing else in the folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-prune-'))
    const names = [
      'cong-thong-tin-20261128-020000.tar.gz',
      'cong-thong-tin-20261129-020000.tar.gz',
      'cong-thong-tin-20261130-020000.tar.gz',
      'cong-thong-tin-20261130-020000-1.tar.gz',
      'cong-thong-tin-20261201-020000.tar.gz',
    ]
    for (const name of [...names, 'ghi-chu.txt', 'cong-thong-tin-ban-tay.tar.gz']) fs.writeFileSync(path.join(dir, name), name)
    expect(await pruneBackups(dir, 3)).toEqual(names.slice(0, 2))
    expect(fs.readdirSync(dir).sort()).toEqual([...names.slice(2), 'cong-thong-tin-ban-tay.tar.gz', 'ghi-chu.txt'].sort())
    expect(await pruneBackups(path.join(dir, 'missing'), 3)).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

describe('a backup the portal takes', () => {
  it('writes an archive of the database, records its size and duration, and keeps BACKUP_KEEP of them', async () => {
    const first = await runBackup(payload, { trigger: 'schedule', slot: 'schedule:2026-12-01T19:00:00.000Z' })
    expect(first.status).toBe('ok')
    if (first.status !== 'ok') return
    const row = await payload.findByID({ collection: 'backups', id: first.id!, depth: 0, overrideAccess: true })
    expect(row).toMatchObject({ status: 'ok', trigger: 'schedule', archive: path.basename(first.archive), size: fs.statSync(first.archive).size })
    expect(row.durationMs).toBe(first.durationMs)
    expect(row.durationMs).toBeGreaterThan(0)
    expect(Date.parse(row.finishedAt!) - Date.parse(row.startedAt)).toBeGreaterThanOrEqual(first.durationMs - 1000)
    // the archive is a real one: its manifest counts the two users made above
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-open-'))
    await extractTarGz(first.archive, dir)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    expect(manifest.database.kind).toBe(ctx.kind)
    expect(manifest.counts.users).toBe(2)
    fs.rmSync(dir, { recursive: true, force: true })

    // two more: BACKUP_KEEP=2 leaves the newest two
    await new Promise((resolve) => setTimeout(resolve, 1100)) // archives are named to the second
    const second = await runBackup(payload, { trigger: 'manual', slot: 'manual:a' })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const third = await runBackup(payload, { trigger: 'manual', slot: 'manual:b' })
    expect(third.status === 'ok' && third.pruned).toEqual([path.basename(first.archive)])
    expect(archives()).toEqual([second, third].map((o) => (o.status === 'ok' ? path.basename(o.archive) : '')))
  }, 120_000)

  it('runs once per time slot: a second instance firing for the same slot takes none', async () => {
    const before = (await rows()).length
    const again = await runBackup(payload, { trigger: 'schedule', slot: 'schedule:2026-12-01T19:00:00.000Z' })
    expect(again).toEqual({ status: 'skipped' })
    expect(await rows()).toHaveLength(before)
  })

  it('records a failure with its reason, logs it loudly and deletes no archive', async () => {
    const kept = archives()
    const blocked = path.join(out, 'not-a-folder')
    fs.writeFileSync(blocked, 'a file where the folder should be')
    const errors: string[] = []
    const original = payload.logger.error.bind(payload.logger)
    payload.logger.error = ((message: unknown) => void errors.push(String(message))) as typeof payload.logger.error
    try {
      const failed = await runBackup(payload, { trigger: 'schedule', slot: 'schedule:2026-12-02T19:00:00.000Z', out: path.join(blocked, 'backups') })
      expect(failed.status).toBe('failed')
      const row = await payload.findByID({ collection: 'backups', id: failed.id!, depth: 0, overrideAccess: true })
      expect(row.status).toBe('failed')
      expect(row.error).toMatch(/ENOTDIR/)
      expect(row.archive ?? null).toBeNull()
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/^SAO LƯU THẤT BẠI \(theo lịch, vào .*not-a-folder\/backups\): [\s\S]*ENOTDIR/)
    } finally {
      payload.logger.error = original
    }
    expect(archives()).toEqual(kept)
  }, 60_000)
})

describe('"Sao lưu ngay" (POST /api/backups/run)', () => {
  it('is refused to strangers (401) and editors (403), and nothing is queued', async () => {
    const rest = restClient(ctx.config)
    const anonymous = await rest.request('POST', '/backups/run')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({ errors: [{ message: 'Bạn cần đăng nhập.' }] })
    const editor = await rest.login('editor@example.vn', password)
    const refused = await rest.request('POST', '/backups/run', { token: editor })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ errors: [{ message: 'Chỉ quản trị viên được sao lưu.' }] })
    expect((await payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs).toBe(0)
    // nor can anyone read the list through REST but an admin
    expect((await rest.request('GET', '/backups', { token: editor })).status).toBe(403)
  })

  it('starts a backup for an admin at once (202), refuses a second while it runs (409), and records who asked', async () => {
    const rest = restClient(ctx.config)
    const admin = await rest.login('admin@example.vn', password)
    const before = (await rows()).length
    const started = await rest.request('POST', '/backups/run', { token: admin })
    expect(started.status).toBe(202)
    expect(await started.json()).toMatchObject({ message: 'Đã bắt đầu sao lưu.' })
    // the row appears as soon as the job starts; meanwhile a second click is refused
    let running
    for (const until = Date.now() + 10_000; !running && Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      running = (await rows()).slice(before).find((row) => row.status === 'running')
    }
    expect(running).toBeDefined()
    const second = await rest.request('POST', '/backups/run', { token: admin })
    expect(second.status).toBe(409)
    expect((await second.json()).errors[0].message).toMatch(/^Một bản sao lưu đang chạy \(bắt đầu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\): hãy đợi nó xong\.$/)
    const done = await settled(running!.id)
    const adminUser = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@example.vn' } }, overrideAccess: true })).docs[0]
    expect(done).toMatchObject({ status: 'ok', trigger: 'manual', requestedBy: adminUser.id })
    expect(archives()).toContain(done.archive)
    expect((await rows()).length).toBe(before + 1)
    // the admin reads the list through REST too
    const list = await rest.request('GET', '/backups?sort=-startedAt&limit=1', { token: admin })
    expect(list.status).toBe(200)
    expect((await list.json()).docs[0].id).toBe(done.id)
  }, 90_000)
})

describe('when things go wrong', () => {
  const waitingScheduled = async () =>
    (await payload.find({ collection: 'payload-jobs', where: { and: [{ queue: { equals: 'backup' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] }, depth: 0, overrideAccess: true })).docs

  it('a backup job a dead server left "processing" does not stop the schedule: it is closed as interrupted', async () => {
    await payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'backup' } }, overrideAccess: true })
    await payload.jobs.handleSchedules({ queue: 'backup' })
    const [job] = await waitingScheduled()
    // the server died during it: the job stays processing, its row stays running
    await payload.update({ collection: 'payload-jobs', id: job.id, data: { processing: true }, overrideAccess: true })
    const row = await payload.create({ collection: 'backups', data: { slot: 'schedule:dead', trigger: 'schedule', status: 'running', startedAt: new Date().toISOString() }, overrideAccess: true })
    await payload.jobs.handleSchedules({ queue: 'backup' })
    expect((await waitingScheduled()).map((j) => j.id)).toEqual([job.id]) // Payload alone would wait for it forever

    // while its heartbeat is fresh nothing is touched; once stale, the job and the row are closed
    expect(await releaseInterruptedBackups(payload)).toBe(0)
    const later = Date.now() + 10 * 60_000
    expect(await releaseInterruptedBackups(payload, later)).toBe(1)
    const closed = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0, overrideAccess: true })
    expect(closed).toMatchObject({ processing: false, hasError: true, error: { message: 'Bị gián đoạn: máy chủ dừng giữa chừng.' } })
    expect(await payload.findByID({ collection: 'backups', id: row.id, depth: 0, overrideAccess: true })).toMatchObject({ status: 'failed', error: 'Bị gián đoạn: máy chủ dừng giữa chừng.' })
    await payload.jobs.handleSchedules({ queue: 'backup' })
    const next = await waitingScheduled()
    expect(next).toHaveLength(1)
    expect(next[0].id).not.toBe(job.id)
    await payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'backup' } }, overrideAccess: true })
  })

  it('one backup at a time: a second one asked for while one runs stands down', async () => {
    const first = await payload.create({ collection: 'backups', data: { slot: 'manual:first', trigger: 'manual', status: 'running', startedAt: new Date().toISOString() }, overrideAccess: true })
    const before = archives()
    expect(await runBackup(payload, { trigger: 'manual', slot: 'manual:second' })).toEqual({ status: 'skipped' })
    expect((await payload.find({ collection: 'backups', where: { slot: { equals: 'manual:second' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect(archives()).toEqual(before)
    await payload.delete({ collection: 'backups', id: first.id, overrideAccess: true })
  })

  it('a backup process that does not finish in time is stopped and recorded as failed', async () => {
    const stopped = await runBackup(payload, { trigger: 'schedule', slot: 'schedule:slow', timeoutMs: 1 })
    expect(stopped.status).toBe('failed')
    expect(stopped.status === 'failed' && stopped.error).toMatch(/Quá thời gian \(0 phút, BACKUP_TIMEOUT_MINUTES\): đã dừng tiến trình sao lưu\.$/)
  }, 30_000)
})
