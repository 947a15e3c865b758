/**
 * Backups that restore (src/backup/): a drill with content, an image, votes and hits (backup, then
 * changes, then restore: every table's rows and the totals exactly as at the backup, the image's
 * files back); a changed byte and a newer schema refused; restore refused while the database is in
 * use or without confirmation; media:sweep's orphans and missing files. SQLite, or PostgreSQL with
 * TEST_DATABASE_URI.
 */
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { Payload } from 'payload'
import sharp from 'sharp'

import { createBackup, restoreBackup } from '../../src/backup/backup.mjs'
import { servingFile, tableCounts } from '../../src/backup/database.mjs'
import { deleteOrphans, sweepMedia } from '../../src/backup/sweep.mjs'
import { extractTarGz, writeTarGz } from '../../src/backup/tar.mjs'
import { CLIENT_IP_HEADER } from '../../src/lib/clientIp'
import { Recorder } from '../../src/stats/recorder'
import { articleData, makeCategory } from '../helpers/fixtures'
import { createTestPayload, stopPayload as stopPayloadAndPool, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

let ctx: TestPayload
let payload: Payload
let uri: string
let media: string
let out: string
let stopped = false
/** The image's files: its own, then its sizes'. */
let imageFiles: string[] = []
/** The backup taken while hits were being sent, and how many had been answered before and after it. */
let duringHits: { archive: string; base: number; perHit: number; answeredBefore: number; answeredAfter: number }

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  uri = process.env.DATABASE_URI!
  media = process.env.MEDIA_DIR!
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backups-'))
})

afterAll(async () => {
  fs.rmSync(out, { recursive: true, force: true })
  if (stopped) {
    // Payload was stopped for the restore: drop the database (and files) without it
    await ctx?.close().catch(() => {})
  } else await ctx?.close()
})

/** One value from the database, on a connection of the test's own. */
async function scalar(sql: string): Promise<number> {
  if (ctx.kind === 'sqlite') {
    const { default: Database } = await import('libsql')
    const db = new Database(uri.replace(/^file:/, ''))
    try {
      return Number(Object.values(db.prepare(sql).get() as object)[0])
    } finally {
      db.close()
    }
  }
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return Number(Object.values((await client.query(sql)).rows[0])[0])
  } finally {
    await client.end()
  }
}

const totals = async () => ({
  votes: await scalar('SELECT count(*) FROM ratings'),
  voteSum: await scalar('SELECT coalesce(sum(score), 0) FROM ratings'),
  ratingTotal: await scalar('SELECT coalesce(sum(rating_total), 0) FROM articles'),
  pageViews: await scalar('SELECT coalesce(sum(page_views), 0) FROM stats_totals'),
  categories: await scalar('SELECT count(*) FROM categories'),
  articles: await scalar('SELECT count(*) FROM articles'),
})

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

async function repack(archive: string, change: (dir: string) => void): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-repack-'))
  const names = await extractTarGz(archive, dir)
  change(dir)
  const changed = path.join(out, `changed-${crypto.randomBytes(3).toString('hex')}.tar.gz`)
  await writeTarGz(changed, names.map((name) => ({ name, file: path.join(dir, name) })))
  fs.rmSync(dir, { recursive: true, force: true })
  return changed
}

/** Stops Payload so that nothing uses the database (PostgreSQL: its pool's connections closed). */
async function stopPayload() {
  await stopPayloadAndPool(payload)
  stopped = true
}

describe('backup and restore', () => {
  let archive: string
  let atBackup: Awaited<ReturnType<typeof totals>>
  let manifest: { counts: Record<string, number>; files: Record<string, { sha256: string }>; migrations: unknown[]; database: { kind: string } }

  it('makes an archive of the database and the media while Payload runs, with a manifest', async () => {
    const api = restClient(ctx.config)
    const category = (await makeCategory(payload)).id
    const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 30, g: 120, b: 200 } } }).jpeg().toBuffer()
    const image = await payload.create({ collection: 'images', data: { alt: 'Ảnh sao lưu' }, file: { data, mimetype: 'image/jpeg', name: 'sao-luu.jpg', size: data.length } })
    imageFiles = [image.filename!, ...Object.values(image.sizes ?? {}).map((s) => s?.filename).filter((f): f is string => Boolean(f))]
    const keep = await payload.create({ collection: 'articles', data: { ...articleData(category, { heroImage: image.id } as never), _status: 'published' } })
    await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' } })
    for (const [i, score] of [5, 4, 3].entries()) {
      const response = await api.request('POST', `/articles/${keep.id}/rating`, { json: { score }, headers: { [CLIENT_IP_HEADER]: `10.9.0.${i + 1}` } })
      expect(response.status).toBe(201)
    }
    const recorder = new Recorder(payload)
    for (let i = 0; i < 5; i++) {
      const answer = await recorder.hit({ body: JSON.stringify({ path: '/' }), ip: `192.0.2.${i + 1}`, userAgent: CHROME, host: 'localhost:3000' })
      expect(answer.status).toBe(201)
    }
    await recorder.flush()
    atBackup = await totals()
    expect(atBackup).toMatchObject({ votes: 3, voteSum: 12, ratingTotal: 12, categories: 1, articles: 2 })
    expect(atBackup.pageViews).toBeGreaterThanOrEqual(5)

    const progress: string[] = []
    const started = Date.now()
    const made = await createBackup({ out, onProgress: (line: string) => progress.push(line) })
    archive = made.archive
    manifest = made.manifest
    console.log(`backup (${ctx.kind}): ${Date.now() - started} ms, ${made.size} bytes, ${Object.keys(made.manifest.files).length} files`)
    expect(path.basename(archive)).toMatch(/^cong-thong-tin-\d{8}-\d{6}\.tar\.gz$/)
    expect(manifest.database.kind).toBe(ctx.kind)
    expect(manifest.counts).toMatchObject({ ratings: 3, categories: 1, articles: 2 })
    for (const name of imageFiles) expect(manifest.files[`media/${name}`].sha256).toBe(sha(path.join(media, name)))
    expect(progress.length).toBeGreaterThan(0)
  })

  it('takes a backup while readers keep sending hits: every hit answered before it began is in it', async () => {
    const recorder = new Recorder(payload)
    const hit = async (n: number) => {
      const answer = await recorder.hit({ body: JSON.stringify({ path: '/' }), ip: `198.51.100.${(n % 250) + 1}`, userAgent: CHROME, host: 'localhost:3000' })
      if (answer.status !== 201) throw new Error(`hit refused: ${answer.status} ${JSON.stringify(answer.body)}`)
    }
    // what one hit adds to the total of page views (one per statistics bucket it falls in)
    const base = (await totals()).pageViews
    await hit(0)
    const perHit = (await totals()).pageViews - base
    expect(perHit).toBeGreaterThan(0)

    let answered = 1
    let sending = true
    let sent = 1
    const senders = Array.from({ length: 4 }, async () => {
      while (sending) {
        await hit(sent++)
        answered += 1
      }
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    // the backup as the portal takes it, in a process of its own while this one answers hits
    const answeredBefore = answered
    const child = spawn(process.execPath, ['scripts/backup.mjs', 'backup', '--out', out], { env: { ...process.env, DATABASE_URI: uri, MEDIA_DIR: media }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    const code = await new Promise((resolve) => child.on('close', resolve))
    const answeredAfter = answered
    sending = false
    await Promise.all(senders)
    await recorder.flush()
    expect(code).toBe(0)
    expect(answeredAfter - answeredBefore).toBeGreaterThan(0) // hits were answered while it ran
    duringHits = { archive: stdout.trim().split('\n').pop()!, base, perHit, answeredBefore, answeredAfter }
  }, 60_000)

  it('refuses an archive with one byte changed, naming the file', async () => {
    const before = await totals()
    const name = `media/${imageFiles[0]}`
    const changed = await repack(archive, (dir) => {
      const file = path.join(dir, name)
      const bytes = fs.readFileSync(file)
      bytes[Math.floor(bytes.length / 2)] ^= 0xff
      fs.writeFileSync(file, bytes)
    })
    await expect(restoreBackup({ archive: changed, yes: true, runMigrations: false })).rejects.toThrow(`Tệp ${name} trong bản sao lưu đã bị thay đổi`)
    // a byte of the compressed file itself
    const raw = path.join(out, 'raw-changed.tar.gz')
    const bytes = fs.readFileSync(archive)
    bytes[Math.floor(bytes.length / 2)] ^= 0xff
    fs.writeFileSync(raw, bytes)
    await expect(restoreBackup({ archive: raw, yes: true, runMigrations: false })).rejects.toThrow(/bị hỏng|bị thay đổi/)
    expect(await totals()).toEqual(before)
  })

  it('refuses an archive made by a newer schema', async () => {
    const newer = await repack(archive, (dir) => {
      const file = path.join(dir, 'manifest.json')
      const m = JSON.parse(fs.readFileSync(file, 'utf8'))
      m.migrations.push({ name: '29991231_000000_future_schema', batch: 99 })
      fs.writeFileSync(file, JSON.stringify(m))
    })
    await expect(restoreBackup({ archive: newer, yes: true, runMigrations: false })).rejects.toThrow(/phiên bản mới hơn.*29991231_000000_future_schema/)
  })

  it('refuses while a server uses the database', async () => {
    if (ctx.kind === 'sqlite') {
      const file = servingFile(uri)
      fs.writeFileSync(file, `${process.pid}\n`)
      try {
        await expect(restoreBackup({ archive, yes: true, runMigrations: false })).rejects.toThrow(`máy chủ (pid ${process.pid}) đang phục vụ`)
      } finally {
        fs.rmSync(file)
      }
    } else {
      await payload.find({ collection: 'articles', limit: 1 })
      await expect(restoreBackup({ archive, yes: true, runMigrations: false })).rejects.toThrow('kết nối khác đang mở')
    }
  })

  it('restores every row, total and image as at the backup after later changes', async () => {
    const api = restClient(ctx.config)
    const [first, second] = (await payload.find({ collection: 'articles', sort: 'id', depth: 0 })).docs
    expect((await api.request('POST', `/articles/${first.id}/rating`, { json: { score: 1 }, headers: { [CLIENT_IP_HEADER]: '10.9.1.1' } })).status).toBe(201)
    await makeCategory(payload, 'Chuyên mục mới')
    await payload.delete({ collection: 'articles', id: second.id })
    const recorder = new Recorder(payload)
    await recorder.hit({ body: JSON.stringify({ path: '/' }), ip: '192.0.2.200', userAgent: CHROME, host: 'localhost:3000' })
    await recorder.flush()
    fs.rmSync(path.join(media, imageFiles[0]))
    fs.writeFileSync(path.join(media, 'moi-sau-sao-luu.jpg'), 'x')
    const changed = await totals()
    expect(changed).not.toEqual(atBackup)
    expect(changed).toMatchObject({ votes: 4, categories: 2, articles: 1 })

    await stopPayload()
    const started = Date.now()
    await restoreBackup({ archive, yes: true, runMigrations: false })
    console.log(`restore (${ctx.kind}): ${Date.now() - started} ms`)
    expect(await totals()).toEqual(atBackup)
    expect(await tableCounts(uri)).toEqual(manifest.counts)
    for (const name of imageFiles) expect(sha(path.join(media, name))).toBe(manifest.files[`media/${name}`].sha256)
    expect(fs.existsSync(path.join(media, 'moi-sau-sao-luu.jpg'))).toBe(false)
  })
  it('the backup taken during hits, restored, holds every hit answered before it began', async () => {
    await restoreBackup({ archive: duringHits.archive, yes: true, runMigrations: false })
    const views = (await totals()).pageViews - duringHits.base
    expect(views % duringHits.perHit).toBe(0)
    const hits = views / duringHits.perHit
    expect(hits).toBeGreaterThanOrEqual(duringHits.answeredBefore)
    expect(hits).toBeLessThanOrEqual(duringHits.answeredAfter)
    console.log(`backup during hits (${ctx.kind}): ${duringHits.answeredBefore} answered before it began, ${hits} in it, ${duringHits.answeredAfter} by its end`)
  })

  it('refuses without --yes when there is no terminal to ask on (nothing using the database now)', async () => {
    await expect(restoreBackup({ archive, runMigrations: false })).rejects.toThrow('--yes')
  })
})

describe('media:sweep', () => {
  it('lists a planted orphan and an image row whose file is missing; --delete removes only the orphan', async () => {
    // Payload is stopped by now: plant an image row's missing file by removing one of the restored files
    const before = await sweepMedia({ uri, media })
    expect(before.orphans).toEqual([])
    expect(before.missing).toEqual([])
    fs.writeFileSync(path.join(media, 'mo-coi.jpg'), Buffer.alloc(2048, 1))
    const gone = imageFiles[imageFiles.length - 1]
    fs.rmSync(path.join(media, gone))
    const found = await sweepMedia({ uri, media })
    expect(found.orphans).toEqual([{ name: 'mo-coi.jpg', size: 2048 }])
    expect(found.missing).toHaveLength(1)
    expect(found.missing[0].files).toEqual([gone])
    const left = fs.readdirSync(media).length
    expect(await deleteOrphans(found)).toBe(1)
    expect(fs.existsSync(path.join(media, 'mo-coi.jpg'))).toBe(false)
    expect(fs.readdirSync(media).length).toBe(left - 1)
  })

  it('npm run backup prints the archive path last on stdout, and media:sweep its lists', () => {
    const env = { ...process.env, DATABASE_URI: uri, MEDIA_DIR: media, BACKUP_DIR: out }
    const backup = spawnSync(process.execPath, ['scripts/backup.mjs', 'backup'], { env, encoding: 'utf8' })
    expect(backup.status).toBe(0)
    const last = backup.stdout.trim().split('\n').pop()!
    expect(path.dirname(last)).toBe(out)
    expect(fs.existsSync(last)).toBe(true)
    const sweep = spawnSync(process.execPath, ['scripts/backup.mjs', 'media:sweep'], { env, encoding: 'utf8' })
    expect(sweep.status).toBe(0)
    expect(sweep.stdout).toMatch(/ảnh #\d+ thiếu tệp: /)
    const refused = spawnSync(process.execPath, ['scripts/backup.mjs', 'restore', last], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('--yes')
  })
})
