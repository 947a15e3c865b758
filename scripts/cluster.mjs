#!/usr/bin/env node
/**
 * `npm run start:cluster`: the production topology on one machine, without Docker: Debian's
 * nginx (deploy/nginx.conf) in front of two instances of the built app on the PostgreSQL and
 * Redis already running. Prints the address; Ctrl-C stops everything.
 *
 *   CLUSTER_PORT   nginx's port (default 8080)
 *   APP_PORTS      the instances' ports (default 3101,3102)
 *   DATABASE_URI   PostgreSQL (default postgres://postgres@127.0.0.1:5432/cong_thong_tin, created if missing)
 *   REDIS_URL      Redis for shared rate limits and page revalidation (default redis://127.0.0.1:6379)
 *   NGINX          the nginx binary (default: nginx on PATH, then /usr/sbin/nginx)
 *   CLUSTER_STATIC_DIR  benchmarks: nginx also serves this folder's files at /__static/
 */
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const clusterPort = Number(process.env.CLUSTER_PORT || 8080)
const appPorts = (process.env.APP_PORTS || '3101,3102').split(',').map(Number)
const databaseUri = process.env.DATABASE_URI || 'postgres://postgres@127.0.0.1:5432/cong_thong_tin'
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

function fail(message) {
  console.error(`✗ ${message}`)
  process.exit(1)
}

if (!/^postgres(ql)?:\/\//.test(databaseUri)) fail('Cụm nhiều máy chủ cần PostgreSQL: DATABASE_URI=postgres://...')
const nginx = process.env.NGINX || ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) || 'nginx'
if (spawnSync(nginx, ['-v']).error) fail(`Không tìm thấy nginx (${nginx}): apt-get install -y nginx`)

// The database, created when missing.
{
  const url = new URL(databaseUri)
  const name = decodeURIComponent(url.pathname.slice(1))
  url.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  await admin.end()
}

// One build for both instances.
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('▶ Chưa có bản build: đang build...')
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (build.status !== 0) fail('build thất bại')
}

// One secret for both instances (sessions made by one are valid on the other).
const secretFile = path.resolve(process.env.SECRET_FILE || path.join(root, 'data', '.secret'))
if (!process.env.PAYLOAD_SECRET && !fs.existsSync(secretFile)) {
  fs.mkdirSync(path.dirname(secretFile), { recursive: true })
  fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
}

// nginx's configuration: deploy/nginx.conf with this machine's ports and paths.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'))
for (const sub of ['cache', 'body', 'proxy']) fs.mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o777 })
const replacements = {
  pid: `pid ${dir}/nginx.pid;`,
  error_log: `error_log ${dir}/error.log warn;`,
  mime: `include /etc/nginx/mime.types;`,
  cache: `proxy_cache_path ${dir}/cache levels=1:2 keys_zone=portal:20m max_size=1g inactive=10m use_temp_path=off;`,
  listen: `listen 127.0.0.1:${clusterPort};`,
}
let upstreamWritten = false
// `cluster: skip` drops a line, or the whole block it opens (TLS: the cluster serves plain http)
let skipping = 0
const depth = (line) => (line.match(/{/g)?.length ?? 0) - (line.match(/}/g)?.length ?? 0)
const conf = fs
  .readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8')
  .split('\n')
  .flatMap((line) => {
    const marker = /#\s*cluster:\s*(\w+)/.exec(line)?.[1]
    if (skipping > 0) {
      skipping += depth(line.replace(/#.*/, ''))
      return []
    }
    if (marker === 'skip') {
      skipping = Math.max(0, depth(line.replace(/#.*/, '')))
      return []
    }
    if (!marker) return [line]
    const indent = /^\s*/.exec(line)[0]
    if (marker === 'upstream') {
      if (upstreamWritten) return []
      upstreamWritten = true
      return appPorts.map((port) => `${indent}server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`)
    }
    if (marker === 'listen' && process.env.CLUSTER_STATIC_DIR) {
      return [`${indent}${replacements.listen}`, `${indent}location /__static/ { alias ${path.resolve(process.env.CLUSTER_STATIC_DIR)}/; gzip_static on; }`]
    }
    if (marker === 'temp') return [`${indent}${line.trim().split(/\s+/)[0]} ${dir}/${line.includes('client_body') ? 'body' : 'proxy'};`]
    return [`${indent}${replacements[marker]}`]
  })
const user = process.getuid?.() === 0 ? 'user root;\n' : ''
fs.writeFileSync(path.join(dir, 'nginx.conf'), user + conf.join('\n'))

const children = []
let stopping = false
function stopAll(code = 0) {
  if (stopping) return
  stopping = true
  console.log('\nĐang dừng cụm (nginx và các máy chủ)...')
  for (const child of children) if (child.exitCode === null) child.kill(child.name === 'nginx' ? 'SIGQUIT' : 'SIGTERM')
  const deadline = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  }, 12_000)
  Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve))))).then(() => {
    clearTimeout(deadline)
    fs.rmSync(dir, { recursive: true, force: true })
    process.exit(code)
  })
}
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))

const ready = []
appPorts.forEach((port, i) => {
  const name = `app${i + 1}`
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URI: databaseUri,
      REDIS_URL: redisUrl,
      TRUST_PROXY: 'true',
      SECRET_FILE: secretFile,
      SERVER_URL: process.env.SERVER_URL || `http://localhost:${clusterPort}`,
      // scheduled publishing runs on one instance
      JOBS_AUTORUN: i === 0 ? process.env.JOBS_AUTORUN || 'true' : 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.name = name
  children.push(child)
  ready.push(
    new Promise((resolve, reject) => {
      let announced = false
      const relay = (stream, out) =>
        stream.on('data', (chunk) => {
          for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(`[${name}] ${line}\n`)
          if (!announced && /Trang quản trị/.test(chunk.toString())) {
            announced = true
            resolve()
          }
        })
      relay(child.stdout, process.stdout)
      relay(child.stderr, process.stderr)
      child.on('exit', (code) => {
        if (!announced) reject(new Error(`${name} dừng khi khởi động (mã ${code})`))
        else if (!stopping) {
          console.error(`[${name}] đã dừng (mã ${code}); nginx chuyển yêu cầu sang máy chủ còn lại`)
        }
      })
    }),
  )
})

try {
  await Promise.all(ready)
} catch (error) {
  console.error(`✗ ${error.message}`)
  stopAll(1)
}

const proxy = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] })
proxy.name = 'nginx'
children.push(proxy)
proxy.on('exit', (code) => {
  if (!stopping) {
    console.error(`✗ nginx dừng (mã ${code}); xem ${dir}/error.log`)
    stopAll(1)
  }
})
for (let i = 0; i < 100; i += 1) {
  const up = await fetch(`http://127.0.0.1:${clusterPort}/api/health`).then((r) => r.ok, () => false)
  if (up) break
  await new Promise((resolve) => setTimeout(resolve, 100))
}
console.log(
  [
    '',
    `✓ Cụm sẵn sàng: nginx trước ${appPorts.length} máy chủ (${appPorts.map((p) => `127.0.0.1:${p}`).join(', ')}), PostgreSQL, Redis`,
    `  Cổng thông tin:  http://localhost:${clusterPort}/`,
    `  Trang quản trị:  http://localhost:${clusterPort}/admin`,
    '  Ctrl-C để dừng tất cả.',
    '',
  ].join('\n'),
)
