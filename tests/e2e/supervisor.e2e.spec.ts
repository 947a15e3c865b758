/**
 * `npm start` keeps the portal up (scripts/supervise.mjs): a server killed with SIGKILL is started
 * again and serves; one that cannot start is retried with growing waits, never in a hot loop;
 * SIGTERM stops the server gracefully and nothing is restarted.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { startApp, type RunningApp } from '../helpers/app'

const SUPERVISE = pathToFileURL(path.resolve(import.meta.dirname, '..', '..', 'scripts', 'supervise.mjs')).href
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Supervisor = { process: ChildProcess; output: () => string; starts: () => number[]; exited: Promise<number | null> }

/**
 * The supervisor in a process of its own, as start.mjs runs it, keeping `child` (a script for
 * `node -e`, which prints `start <time>` when it starts) running.
 */
function superviseScript(child: string, options: Record<string, number> = {}): Supervisor {
  const runner = [
    `import { supervise } from ${JSON.stringify(SUPERVISE)}`,
    `const supervisor = supervise({ command: process.execPath, args: ['-e', ${JSON.stringify(child)}],`,
    `  spawnOptions: { stdio: 'inherit' }, ...${JSON.stringify(options)} })`,
    'process.exit(await supervisor.exited)',
  ].join('\n')
  const process_ = spawn(process.execPath, ['--input-type=module', '-e', runner], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  process_.stdout!.on('data', (chunk) => (output += chunk))
  process_.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => process_.once('exit', (code) => resolve(code)))
  const starts = () => [...output.matchAll(/^start (\d+)$/gm)].map((m) => Number(m[1]))
  return { process: process_, output: () => output, starts, exited }
}

async function until(condition: () => boolean, timeoutMs: number, what: string, output: () => string) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${output().slice(-3000)}`)
    await sleep(25)
  }
}

const gaps = (times: number[]) => times.slice(1).map((time, i) => time - times[i])

describe('the supervisor', () => {
  let running: Supervisor | undefined
  afterEach(() => {
    if (running?.process.exitCode === null) running.process.kill('SIGKILL')
    running = undefined
  })

  it('retries a server that fails at once after 1, 2 and 4 s, and SIGTERM ends the waiting', async () => {
    running = superviseScript(`console.log('start', Date.now()); process.exit(1)`)
    const { starts, output } = running
    await until(() => starts().length >= 4, 15_000, 'four starts', output)
    // the fourth start's failure is logged once it has exited, a moment after it printed
    await until(() => output().includes('(lần 4)'), 5_000, 'the fourth failure logged', output)
    const [one, two, four] = gaps(starts())
    expect(one).toBeGreaterThanOrEqual(900)
    expect(one).toBeLessThan(2500)
    expect(two).toBeGreaterThanOrEqual(1900)
    expect(two).toBeLessThan(3500)
    expect(four).toBeGreaterThanOrEqual(3900)
    expect(four).toBeLessThan(5500)
    expect(output()).toContain('✗ Máy chủ dừng bất thường (mã 1); khởi động lại sau 1 s (lần 1)')
    expect(output()).toContain('khởi động lại sau 2 s (lần 2)')
    expect(output()).toContain('khởi động lại sau 4 s (lần 3)')
    expect(output()).toContain('khởi động lại sau 8 s (lần 4)')

    // Waiting 8 s now: SIGTERM ends it at once, with nothing started again.
    await sleep(300)
    const stoppedAt = Date.now()
    running.process.kill('SIGTERM')
    expect(await running.exited).toBe(0)
    expect(Date.now() - stoppedAt).toBeLessThan(1500)
    expect(starts()).toHaveLength(4)
  }, 30_000)

  it('waits 1 s again for a server that had stayed up long enough before it failed', async () => {
    running = superviseScript(`console.log('start', Date.now()); setTimeout(() => process.exit(1), 700)`, { stableMs: 500 })
    const { starts, output } = running
    await until(() => starts().length >= 3, 15_000, 'three starts', output)
    for (const gap of gaps(starts())) expect(gap).toBeLessThan(2700)
    expect(output().match(/khởi động lại sau 1 s \(lần 1\)/g)).toHaveLength(2)
    expect(output()).not.toContain('lần 2')
  }, 30_000)

  it('passes SIGTERM to the server, restarts nothing and exits with the server’s code', async () => {
    running = superviseScript(
      `console.log('start', Date.now())
       process.on('SIGTERM', () => { console.log('writing pending hits'); setTimeout(() => process.exit(3), 300) })
       setInterval(() => {}, 1000)`,
    )
    const { starts, output } = running
    await until(() => starts().length === 1, 10_000, 'a start', output)
    running.process.kill('SIGTERM')
    expect(await running.exited).toBe(3)
    expect(output()).toContain('writing pending hits')
    await sleep(1500)
    expect(starts()).toHaveLength(1)
    expect(output()).not.toContain('✗')
  }, 30_000)
})

/** The pids of the servers that said they were ready, in order. */
const readyServers = (app: RunningApp) =>
  [...app.output().matchAll(/Máy chủ sẵn sàng \(ready\) trên cổng \d+ \(pid (\d+)\)/g)].map((m) => Number(m[1]))

/** The parent of a process, from /proc (Linux). */
const parentOf = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1])

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  // A zombie has exited; only its parent has not collected it yet.
  return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
}

describe('npm start', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  }, 600_000)
  afterAll(async () => {
    await app?.stop()
  })

  it('starts the server again when it is killed with SIGKILL, and the portal answers within 10 s', async () => {
    const [server] = readyServers(app)
    expect(server).toBeGreaterThan(0)
    const killedAt = Date.now()
    process.kill(server, 'SIGKILL')

    let status = 0
    while (status !== 200 && Date.now() - killedAt < 10_000) {
      status = await fetch(`${app.url}/`, { signal: AbortSignal.timeout(3000) }).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      )
      if (status !== 200) await sleep(100)
    }
    const tookMs = Date.now() - killedAt
    console.log(`the portal answered again ${tookMs} ms after the server was killed`)
    expect(status).toBe(200)
    expect(tookMs).toBeLessThan(10_000)

    expect(app.output()).toContain('✗ Máy chủ dừng bất thường (tín hiệu SIGKILL); khởi động lại sau 1 s (lần 1)')
    await until(() => readyServers(app).length === 2, 10_000, 'a second ready line', app.output)
    expect(readyServers(app)[1]).not.toBe(server)
    expect(alive(server)).toBe(false)
    // The addresses are printed once, on the first start only.
    expect(app.output().match(/Trang quản trị:/g)).toHaveLength(1)
  }, 60_000)

  it('stops the server gracefully on SIGTERM to npm start, and starts nothing again', async () => {
    const server = readyServers(app).at(-1)!
    const supervisor = parentOf(server)
    expect(fs.readFileSync(`/proc/${supervisor}/cmdline`, 'utf8')).toContain('start.mjs')
    const restartsBefore = app.output().match(/khởi động lại/g)?.length ?? 0

    process.kill(supervisor, 'SIGTERM')
    await until(() => !alive(server) && !alive(supervisor), 20_000, 'the server and npm start gone', app.output)
    expect(app.output()).toContain('Nhận SIGTERM')
    await sleep(1500)
    expect(app.output().match(/khởi động lại/g)?.length ?? 0).toBe(restartsBefore)
    expect(readyServers(app).at(-1)).toBe(server)
    await expect(fetch(`${app.url}/`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow()
  }, 60_000)
})
