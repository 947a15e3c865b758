/**
 * For the abuse tests: what the real server (startApp) is doing while a stranger tries to take it
 * down — its process, its peak memory, whether readers still get their page, and requests sent
 * the way an attacker sends them (bodies streamed, answers read as soon as they come).
 */
import fs from 'node:fs'
import { request } from 'node:http'

import type { RunningApp } from './app'

/** The pid of the server process now serving (its latest ready line; the supervisor may have restarted it). */
export function serverPid(app: RunningApp): number {
  const pids = [...app.output().matchAll(/sẵn sàng \(ready\) trên cổng \d+ \(pid (\d+)\)/g)]
  if (!pids.length) throw new Error('no ready line from the server')
  return Number(pids.at(-1)![1])
}

/** Resident memory of a process now and at its peak (VmRSS, VmHWM), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1])
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }
}

/** Resets the peak (VmHWM) so that the next reading is the peak of what follows (Linux ≥ 4.0). */
export function resetPeak(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
}

/** How long a reader waits for the home page now; fails unless it is a 200. */
export async function readerWaits(app: RunningApp, path = '/'): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${app.url}${path}`, { headers: { 'accept-encoding': 'gzip' } })
  await response.arrayBuffer()
  expect(response.status).toBe(200)
  return performance.now() - started
}

export type Streamed = { status: number; body: string; sent: number; ms: number; headers: Record<string, string | string[] | undefined> }

/**
 * Streams `total` bytes of `fill` to `path` (chunked unless `length` is given) and stops writing as
 * soon as the server answers; resolves with the answer and how much was sent before it.
 */
export function streamBody(
  app: RunningApp | { url: string },
  path: string,
  total: number,
  options: { method?: string; length?: number; headers?: Record<string, string> } = {},
): Promise<Streamed> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', ...options.headers }
    if (options.length !== undefined) headers['content-length'] = options.length
    const req = request(`${app.url}${path}`, { method: options.method ?? 'POST', headers })
    let sent = 0
    let answered = false
    req.on('response', (res) => {
      answered = true
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body, sent, ms: performance.now() - started, headers: res.headers }))
      res.on('error', reject)
    })
    req.on('error', (error) => (answered ? undefined : reject(error)))
    const chunk = Buffer.alloc(64 * 1024, '{"a":1}')
    const pump = () => {
      while (!answered && sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent))
        sent += piece.length
        if (!req.write(piece)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    pump()
  })
}

/** Logs in over REST and returns the JWT. */
export async function tokenOf(app: RunningApp, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/** The lines the server logged as errors since `from` (an offset into its output). */
export function errorLines(app: RunningApp, from = 0): string[] {
  return app
    .output()
    .slice(from)
    .split('\n')
    .filter((line) => /ERROR|⨯|Error:/.test(line))
}
