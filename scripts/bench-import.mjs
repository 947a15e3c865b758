#!/usr/bin/env node
/**
 * `npm run bench:import [-- --articles=10000 --pictures=16000 --database=sqlite|postgres --keep]`:
 * a NukeViet 4.5 portal of 10,000 articles and 16,000 pictures, made from the real data set
 * (../shared/reference/nukeviet/visible: 30 articles, 51 pictures) copied over and over with the
 * same shape (statuses, categories, pen names, tags, both caption styles, hero pictures, the
 * counter), loaded into MariaDB; then `npm run import:nukeviet` moves it into an empty portal
 * database exactly as an operator runs it. Prints articles/s, pictures/s, the duration and the
 * importer's peak resident memory (target: all of it under 30 minutes, under 400 MB).
 *
 * Each copy k of the set gets its own ids (k·1000 + id), aliases (`<alias>-b<k>`) and picture
 * folder (`uploads/news/bench/<n>/…`, hard links to the set's files); once the folders reach
 * --pictures, later copies reuse earlier folders, as articles of a real portal share pictures.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import mysql from 'mysql2/promise'

import { postgresDatabase } from './bench-common.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const VISIBLE = path.resolve(root, '../shared/reference/nukeviet/visible')
const MARIADB = process.env.NUKEVIET_BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306'
const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const ARTICLES = Number(option('articles', 10_000))
const PICTURES = Number(option('pictures', 16_000))
const DATABASE = option('database', 'sqlite')
const KEEP = process.argv.includes('--keep')
const PREFIX = 'nv4'
const COPY_TABLES = ['rows', 'detail', 'tags_id', 'authorlist']
const mb = (kb) => `${Math.round(kb / 1024)} MB`

if (!fs.existsSync(path.join(VISIBLE, 'nukeviet-visible.sql.gz'))) {
  console.error(`✗ ${VISIBLE} không có: bench:import dựng dữ liệu từ bộ NukeViet thật trong ../shared.`)
  process.exit(1)
}
if (!Number.isInteger(ARTICLES) || ARTICLES < 30 || !Number.isInteger(PICTURES) || PICTURES < 51) {
  console.error('✗ --articles phải là số nguyên ≥ 30, --pictures ≥ 51.')
  process.exit(1)
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'))
const site = path.join(work, 'site')
const dbName = `nvbench_${process.pid}`
const server = await mysql.createConnection({ uri: `${MARIADB}/?charset=utf8mb4`, multipleStatements: true })
let dropPostgres = null

try {
  const built = Date.now()
  // 1. the real set, as its NukeViet made it
  await server.query(`DROP DATABASE IF EXISTS ${dbName}; CREATE DATABASE ${dbName} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; USE ${dbName}`)
  await server.query(execFileSync('zcat', [path.join(VISIBLE, 'nukeviet-visible.sql.gz')], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8'))
  fs.mkdirSync(site, { recursive: true })
  execFileSync('tar', ['xzf', path.join(VISIBLE, 'uploads.tar.gz'), '-C', site])
  const news = path.join(site, 'uploads', 'news')
  const setPictures = fs
    .readdirSync(news, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(jpe?g|png|gif|webp)$/i.test(entry.name))
    .map((entry) => path.relative(news, path.join(entry.parentPath ?? entry.path, entry.name)))
  const [[{ setArticles }]] = await server.query(`SELECT COUNT(*) AS setArticles FROM ${PREFIX}_vi_news_rows`)

  // 2. copies of it up to --articles, their pictures in folders of their own up to --pictures
  const columns = async (table) => {
    const [rows] = await server.query('SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION', [dbName, table])
    return rows.map((r) => r.name)
  }
  const tableColumns = Object.fromEntries(await Promise.all(COPY_TABLES.map(async (t) => [t, await columns(`${PREFIX}_vi_news_${t}`)])))
  const folders = Math.max(1, Math.floor(PICTURES / setPictures.length))
  const copies = Math.ceil((ARTICLES - setArticles) / setArticles)
  for (let k = 1; k <= copies; k += 1) {
    const folder = `bench/${(k - 1) % folders}/`
    if (k <= folders) {
      for (const rel of setPictures) {
        const to = path.join(news, folder, rel)
        fs.mkdirSync(path.dirname(to), { recursive: true })
        fs.linkSync(path.join(news, rel), to)
      }
    }
    const room = ARTICLES - setArticles - (k - 1) * setArticles
    const expression = (table, column) => {
      if (column === 'id') return `id + ${k * 1000}`
      if (table === 'rows' && column === 'alias') return `CONCAT(alias, '-b${k}')`
      if (table === 'rows' && column === 'homeimgfile') return `IF(homeimgfile = '' OR homeimgfile LIKE '%//%', homeimgfile, CONCAT('${folder}', homeimgfile))`
      if (table === 'detail' && column === 'bodyhtml') return `REPLACE(bodyhtml, '/uploads/news/', '/uploads/news/${folder}')`
      return `\`${column}\``
    }
    for (const table of COPY_TABLES) {
      const cols = tableColumns[table]
      await server.query(
        `INSERT INTO ${PREFIX}_vi_news_${table} (${cols.map((c) => `\`${c}\``).join(', ')})
         SELECT ${cols.map((c) => expression(table, c)).join(', ')} FROM ${PREFIX}_vi_news_${table}
         WHERE id IN (SELECT id FROM (SELECT id FROM ${PREFIX}_vi_news_rows WHERE id < 1000 ORDER BY id LIMIT ${Math.min(room, setArticles)}) AS chosen)`,
      )
    }
  }
  const [[{ articles }]] = await server.query(`SELECT COUNT(*) AS articles FROM ${PREFIX}_vi_news_rows`)
  const pictures = setPictures.length * (1 + Math.min(folders, copies))
  console.log(`NukeViet dựng sẵn: ${articles} bài, ${pictures} tệp ảnh (bộ thật × ${copies + 1}) trong ${((Date.now() - built) / 1000).toFixed(1)} s`)

  // 3. the import, as an operator runs it, into an empty portal database
  const env = { ...process.env, MEDIA_DIR: path.join(work, 'media'), BACKUP_DIR: path.join(work, 'backups') }
  if (DATABASE === 'postgres') {
    const pg = await postgresDatabase(dbName)
    env.DATABASE_URI = pg.uri
    dropPostgres = pg.drop
  } else {
    env.DATABASE_URI = `file:${path.join(work, 'portal.db')}`
  }
  const started = Date.now()
  const child = spawn('node', ['scripts/import-nukeviet.mjs', '--mysql', `${MARIADB}/${dbName}`, '--site', site], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const output = []
  child.stdout.on('data', (chunk) => {
    output.push(chunk.toString())
    process.stdout.write(chunk)
  })
  const peak = watchMemory(child.pid)
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
  const memory = peak.stop()
  const seconds = (Date.now() - started) / 1000
  if (code !== 0) throw new Error(`import:nukeviet dừng với mã ${code}`)

  const text = output.join('')
  const created = (label) => Number(new RegExp(`^${label}: (\\d+) mới`, 'm').exec(text)?.[1] ?? NaN)
  const importSeconds = Number(/^Thời gian: ([\d.]+) giây/m.exec(text)?.[1] ?? NaN)
  const imported = created('Bài viết')
  const uploaded = created('Ảnh')
  console.log('\n— bench:import —')
  console.log(`nguồn: ${articles} bài, ${pictures} tệp ảnh; cơ sở dữ liệu: ${DATABASE}`)
  console.log(`đã chuyển: ${imported} bài, ${uploaded} ảnh (mỗi ảnh 12 tệp: gốc và 11 cỡ)`)
  console.log(`thời gian: ${(seconds / 60).toFixed(1)} phút cả lệnh (gồm khởi động và di trú), ${(importSeconds / 60).toFixed(1)} phút phần chuyển bài và ảnh`)
  console.log(`tốc độ: ${(imported / importSeconds).toFixed(1)} bài/s, ${(uploaded / importSeconds).toFixed(1)} ảnh/s`)
  console.log(`bộ nhớ đỉnh: tiến trình chuyển ${mb(memory.largest)}, cả cây tiến trình ${mb(memory.tree)} (mục tiêu < 400 MB)`)
  console.log(`mục tiêu < 30 phút: ${seconds < 1800 ? 'đạt' : 'KHÔNG đạt'}; < 400 MB: ${memory.largest < 400 * 1024 ? 'đạt' : 'KHÔNG đạt'}`)
} finally {
  await server.query(`DROP DATABASE IF EXISTS ${dbName}`).catch(() => {})
  await server.end().catch(() => {})
  await dropPostgres?.().catch(() => {})
  if (KEEP) console.log(`giữ lại: ${work}`)
  else fs.rmSync(work, { recursive: true, force: true })
}

/**
 * Peak resident memory of a process and its descendants, read from /proc twice a second: the
 * largest single process (the importer itself, under `payload run`) and the tree's sum.
 */
function watchMemory(pid) {
  let largest = 0
  let tree = 0
  const rssKb = (p) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      return 0
    }
  }
  const descendants = () => {
    const parents = new Map()
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
      } catch {
        // gone meanwhile
      }
    }
    const found = [pid]
    for (let i = 0; i < found.length; i += 1) for (const [child, parent] of parents) if (parent === found[i]) found.push(child)
    return found
  }
  const started = Date.now()
  const sample = () => {
    const sizes = descendants().map(rssKb)
    if (process.env.BENCH_MEMORY_TRACE) console.error(`[mem] ${((Date.now() - started) / 1000).toFixed(0)} s: ${sizes.map(mb).join(' + ')}`)
    largest = Math.max(largest, ...sizes)
    tree = Math.max(tree, sizes.reduce((a, b) => a + b, 0))
  }
  const timer = setInterval(sample, 500)
  return {
    stop: () => {
      clearInterval(timer)
      return { largest, tree }
    },
  }
}
