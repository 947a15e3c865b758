/**
 * What `npm run bench` and `npm run bench:cluster` share: a free port, a measurement, a printed line.
 *
 * The load generator is wrk (Debian's package `wrk`), written in C. It shares the machine's two
 * cores with the servers it measures, so its own cost must stay small and must not depend on
 * what the server sends. autocannon, used before, turns every response body into a JavaScript
 * string: measured here, it fetched 27,000 responses/s of 10.5 KB of "a" from a bare node:http
 * server but 4,100/s of 10.5 KB of gzip bytes, while the server idled at a third of a core. It
 * was measuring itself.
 */
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const CONNECTIONS = 50

/** --seconds=N from the command line: the duration of each measurement (default 10). */
export const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 10)

/** Before each pair of measurements: long enough for V8 to have optimised the hot paths (the hit path gains ~25% over its first 20 s). */
export const WARM_UP_SECONDS = 10

/** What every browser sends; pages are measured as readers get them. */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd' }

export function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** A fresh PostgreSQL database on BENCH_POSTGRES_URI (default the local server): its URI, and a way to drop it. */
export async function postgresDatabase(name) {
  const base = process.env.BENCH_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/postgres'
  const admin = async (...queries) => {
    const client = new pg.Client({ connectionString: base })
    await client.connect()
    for (const query of queries) await client.query(query)
    await client.end()
  }
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { uri: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/**
 * Starts scripts/<script> in a process group of its own, keeping what it prints: `ready` waits
 * (up to 10 minutes) for a line matching `pattern`, `stop` sends SIGTERM to the group and gives it
 * `graceMs` to end.
 */
export function startScript(script, env) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', script)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  return {
    output: () => output,
    async ready(pattern) {
      const deadline = Date.now() + 10 * 60_000
      while (!pattern.test(output)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${script} did not start:\n${output.slice(-3000)}`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    },
    async stop(graceMs) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, graceMs))
    },
  }
}

const WRK = process.env.WRK_PATH || '/usr/bin/wrk'
if (!fs.existsSync(WRK)) {
  console.error(`✗ Cần wrk để đo tải (the benchmark needs wrk): apt-get install -y wrk (or set WRK_PATH).`)
  process.exit(1)
}

/** A Lua long string holding `text` verbatim. */
const lua = (text) => {
  let level = ''
  while (text.includes(`]${level}]`)) level += '='
  return `[${level}[${text}]${level}]`
}

/**
 * wrk at CONNECTIONS connections for `seconds` (or `duration`): GET `url`, or `method` with
 * `headers` and `body`. With `readers`, the user agent is `<readers> reader-N` with N changing
 * every 20 requests: a new visitor every 20 hits.
 * Answers { '2xx', non2xx, duration (s), latency: { p50, p99 } (ms) }.
 */
export async function measure({ url, method = 'GET', headers = {}, body, readers, duration = seconds }) {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-')), 'request.lua')
  fs.writeFileSync(
    script,
    `
wrk.method = ${lua(method)}
${body === undefined ? '' : `wrk.body = ${lua(body)}`}
${Object.entries(headers)
  .map(([name, value]) => `wrk.headers[ ${lua(name)} ] = ${lua(String(value))}`)
  .join('\n')}
${
  readers
    ? `local n = 0
request = function()
  n = n + 1
  local h = {}
  for k, v in pairs(wrk.headers) do h[k] = v end
  h["User-Agent"] = ${lua(`${readers} reader-`)} .. math.floor(n / 20)
  return wrk.format(nil, nil, h, nil)
end`
    : ''
}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nRESULT %d %d %d %d %.3f %.3f\\n', summary.requests, summary.duration, e.status,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
`,
  )
  const output = await new Promise((resolve, reject) =>
    execFile(WRK, ['-t1', `-c${CONNECTIONS}`, `-d${duration}s`, '--timeout', '10s', '-s', script, url], { maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`wrk: ${stderr || error.message}`)) : resolve(stdout),
    ),
  )
  fs.rmSync(path.dirname(script), { recursive: true, force: true })
  const match = /^RESULT (\d+) (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+)$/m.exec(output)
  if (!match) throw new Error(`wrk printed no result:\n${output}`)
  const [requests, micros, status, socketErrors] = match.slice(1, 5).map(Number)
  // wrk counts an answer of 400 or more as a status error; socket errors are requests never answered
  return {
    '2xx': requests - status,
    non2xx: status,
    errors: socketErrors,
    duration: micros / 1e6,
    latency: { p50: Number(match[5]).toFixed(1), p99: Number(match[6]).toFixed(1) },
  }
}

/**
 * Prints a measurement and answers its rate: 2xx answers per second, or every answer for a page
 * meant to be a 404 (`countNon2xx`).
 */
export function line(label, result, { countNon2xx = false, width = 52 } = {}) {
  const ok = result['2xx'] + (countNon2xx ? result.non2xx : 0)
  const rate = ok / (result.duration || seconds)
  console.log(
    `${label.padEnd(width)} ${rate.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(6)} ms   p99 ${String(result.latency.p99).padStart(6)} ms   non-2xx ${result.non2xx}${result.errors ? `   socket errors ${result.errors}` : ''}`,
  )
  return rate
}
