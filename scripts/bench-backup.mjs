/**
 * For `npm run bench -- --only=backup`: a backup of a portal with a year of statistics rollups
 * and 1,000 news pictures (each with the eleven files Payload makes of it), taken as the portal takes it
 * (scripts/backup.mjs in a process of its own) while readers keep asking for an article: the
 * backup's time and size, the readers' p99 during backups against without, then a restore of the
 * archive into a database and media folder of their own, timed.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import sharp from 'sharp'

import { restoreBackup } from '../src/backup/backup.mjs'
import { BROWSER_HEADERS, line, measure, postgresDatabase, seconds } from './bench-common.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PICTURES = 1000
/** The files Payload makes of an upload (src/collections/Images): six sizes, five of them also in WebP. */
const SIZES = [
  ['thumbnail', 320, 200, 'jpeg'],
  ['card', 640, 400, 'jpeg'],
  ['medium', 800, 533, 'jpeg'],
  ['wide', 1280, 853, 'jpeg'],
  ['sidebar', 560, 373, 'jpeg'],
  ['og', 1200, 630, 'jpeg'],
  ['thumbnail', 320, 200, 'webp'],
  ['card', 640, 400, 'webp'],
  ['medium', 800, 533, 'webp'],
  ['wide', 1280, 853, 'webp'],
  ['sidebar', 560, 373, 'webp'],
]
const FILES_PER_PICTURE = 1 + SIZES.length
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * 1,000 photographs' worth of files in `media`: a handful of distinct noisy 1,600 × 1,067 JPEGs
 * (noise keeps them the size of real photographs, ~0.3–0.5 MB) copied under 1,000 names, each with
 * the files Payload makes of it. Answers the bytes written.
 */
async function pictures(media) {
  fs.mkdirSync(media, { recursive: true })
  const variants = []
  for (let v = 0; v < 8; v += 1) {
    const noise = Buffer.alloc(1600 * 1067 * 3)
    let seed = 7 + v
    for (let i = 0; i < noise.length; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      noise[i] = (i % 3) * 60 + (seed >>> 24) / 5 + Math.floor(i / (1600 * 3 * 8)) // a gradient with grain
    }
    const original = await sharp(noise, { raw: { width: 1600, height: 1067, channels: 3 } }).jpeg({ quality: 82 }).toBuffer()
    const sized = await Promise.all(SIZES.map(([, w, h, format]) => sharp(original).resize(w, h, { fit: 'cover' }).toFormat(format, { quality: 80 }).toBuffer()))
    variants.push({ original, sized })
  }
  let bytes = 0
  for (let n = 1; n <= PICTURES; n += 1) {
    const { original, sized } = variants[n % variants.length]
    const name = `anh-tin-${String(n).padStart(4, '0')}`
    fs.writeFileSync(path.join(media, `${name}.jpg`), original)
    bytes += original.length
    SIZES.forEach(([, w, h, format], i) => {
      fs.writeFileSync(path.join(media, `${name}-${w}x${h}.${format === 'webp' ? 'webp' : 'jpg'}`), sized[i])
      bytes += sized[i].length
    })
  }
  return bytes
}
/** `node scripts/backup.mjs backup --out DIR` on the app's database: its archive and time. */
function backupOnce(env, out) {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'backup.mjs'), 'backup', '--out', out], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`backup failed (${code}): ${stderr}`))
      const archive = stdout.trim().split('\n').pop()
      resolve({ archive, ms: performance.now() - started, bytes: fs.statSync(archive).size })
    })
  })
}

export async function backupDuringReads({ url, db, mediaDir, articlePath, postgres }) {
  console.log('')
  const t0 = performance.now()
  const written = await pictures(mediaDir)
  console.log(`wrote ${PICTURES} pictures with their sizes into the media folder: ${megabytes(written)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-backup-'))
  const out = path.join(work, 'backups')
  const env = { ...process.env, DATABASE_URI: db.uri, MEDIA_DIR: mediaDir }
  try {
    // alone first: the backup's own time and size
    const alone = await backupOnce(env, out)
    console.log(`backup (${postgres ? 'pg_dump -Fc' : 'VACUUM INTO'} + ${PICTURES * FILES_PER_PICTURE} media files): ${(alone.ms / 1000).toFixed(1)} s, archive ${megabytes(alone.bytes)}`)

    // readers without a backup, then readers while backups run back to back for the whole window
    const page = { url: `${url}${articlePath}`, headers: BROWSER_HEADERS }
    await measure({ ...page, duration: 3 })
    const quiet = await measure(page)
    line(`GET ${articlePath.slice(0, 30)}… without a backup`, quiet, { width: 56 })
    let backingUp = true
    const during = []
    const loop = (async () => {
      while (backingUp) during.push(await backupOnce(env, out))
    })()
    const loud = await measure(page)
    backingUp = false
    await loop
    line(`GET ${articlePath.slice(0, 30)}… during backups`, loud, { width: 56 })
    const mean = during.reduce((sum, b) => sum + b.ms, 0) / during.length
    console.log(
      `  ${during.length} backup(s) during the ${seconds} s window, ${(mean / 1000).toFixed(1)} s each under load; ` +
        `readers' p99 ${loud.latency.p99} vs ${quiet.latency.p99} ms = ${(Number(loud.latency.p99) / Number(quiet.latency.p99)).toFixed(2)}×, ` +
        `throughput ${(loud['2xx'] / quiet['2xx']).toFixed(2)}× of without`,
    )

    // a restore into a database and media folder of their own (not the serving one)
    const target = postgres ? await postgresDatabase(`portal_bench_restore_${process.pid}`) : { uri: `file:${path.join(work, 'restored.db')}`, drop: async () => {} }
    try {
      const started = performance.now()
      await restoreBackup({ archive: alone.archive, yes: true, uri: target.uri, media: path.join(work, 'restored-media'), runMigrations: false })
      console.log(`restore of that archive into an empty ${postgres ? 'database' : 'file'}: ${((performance.now() - started) / 1000).toFixed(1)} s (checksums, database, ${PICTURES * FILES_PER_PICTURE} media files)`)
    } finally {
      await target.drop()
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
