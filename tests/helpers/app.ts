/**
 * The built app, started the way a user starts it (`npm start`: migrate, seed, serve) on a
 * database of its own, for tests that need a real server and a browser.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { type FreshDatabase, freshDatabase } from './payload'

export type RunningApp = {
  url: string
  accounts: Record<'admin' | 'editor' | 'reporter', { email: string; password: string }>
  /** SIGTERM (then SIGKILL after 10 s); drops the database unless it was shared in. */
  stop: () => Promise<void>
  /** SIGKILL, at once: a crash. The database stays, for a restart on it. */
  kill: () => Promise<void>
  database: FreshDatabase
  dir: string
  output: () => string
}

export type StartOptions = {
  /** Start on this database (and media folder) instead of a fresh one; it is not dropped on stop. */
  shared?: { database: FreshDatabase; dir: string }
}

const root = path.resolve(import.meta.dirname ?? __dirname, '..', '..')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** Stops a detached child and its process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null) return
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {}
  }
  signal('SIGTERM')
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal('SIGKILL')
      resolve(null)
    }, graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(null)
    })
  })
}

export type RunningScript = { child: ChildProcess; output: () => string }

/**
 * Starts one of our scripts (scripts/<name>) detached, in its own process group, collecting what
 * it prints, and waits until it prints `ready`; if it exits or takes over 8 minutes, calls
 * `cleanUp` and fails with the end of its output.
 */
export async function startScript(
  name: string,
  env: Record<string, string | undefined>,
  ready: RegExp,
  cleanUp: (run: RunningScript) => Promise<void>,
): Promise<RunningScript> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', name)], {
    cwd: root,
    detached: true,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const run = { child, output: () => output }
  const deadline = Date.now() + 8 * 60_000
  while (!ready.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await cleanUp(run)
      throw new Error(`${name} did not start:\n${output.slice(-4000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return run
}

export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  const dir = options.shared?.dir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'portal-app-')))
  const database = options.shared?.database ?? (await freshDatabase(dir))
  const port = await freePort()
  const cleanUp = async ({ child }: RunningScript) => {
    await stopGroup(child)
    if (options.shared) return
    await database.drop()
    await fsp.rm(dir, { recursive: true, force: true })
  }
  const { child, output: printed } = await startScript(
    'start.mjs',
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URI: database.uri,
      MEDIA_DIR: path.join(dir, 'media'),
      BACKUP_DIR: path.join(dir, 'backups'),
      SECRET_FILE: path.join(dir, '.secret'),
      JOBS_AUTORUN: 'false',
      // every test request comes from 127.0.0.1: the stranger's meter is for the tests of it
      ANON_REQUESTS_PER_IP_PER_MINUTE: '1000000',
      ...env,
    },
    /Trang quản trị/,
    cleanUp,
  )
  const output = printed()
  const stop = () => cleanUp({ child, output: printed })
  const kill = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {}
    await exited
  }

  const accounts = Object.fromEntries(
    [...output.matchAll(/^\s+(admin|editor|reporter)\s+(\S+@\S+)\s+(\S+)$/gm)].map((m) => [m[1], { email: m[2], password: m[3] }]),
  ) as RunningApp['accounts']
  return { url: `http://127.0.0.1:${port}`, accounts, stop, kill, database, dir, output: printed }
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Browser tests need Debian's Chromium. Without it they are skipped, loudly; in CI a missing
 * browser is a failure, never a skip.
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM}: browser tests cannot run in CI without it`)
  console.warn(
    `\n${'!'.repeat(72)}\n!! Chromium not found at ${CHROMIUM}: BROWSER TESTS ARE SKIPPED.\n!! Install it: apt-get install -y chromium\n${'!'.repeat(72)}\n`,
  )
  return false
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export type BrowserSuite = { app: RunningApp; browser: import('playwright-core').Browser }

/**
 * For a describe block: starts the app (with `env`) and Chromium before its tests and stops both
 * after. Read `suite.app` and `suite.browser` inside the tests.
 */
export function appInBrowser(env: Record<string, string> = {}): BrowserSuite {
  const suite = {} as BrowserSuite
  beforeAll(async () => {
    const { chromium } = await import('playwright-core')
    suite.app = await startApp(env)
    suite.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 600_000)
  afterAll(async () => {
    await suite.browser?.close()
    await suite.app?.stop()
  })
  return suite
}

/**
 * What a page of the portal says of itself: Playwright's `page.request` shares the page's cookies
 * but is a script, sending neither Origin nor Sec-Fetch-Site, and the session cookie acts only for
 * requests a browser marks as the site's own (README › Security). Give it these headers.
 */
export const SAME_ORIGIN_PAGE = { 'sec-fetch-site': 'same-origin' }

/** Logs an account in through the admin's own login form, in the given page. */
export async function logInToAdmin(page: import('playwright-core').Page, suite: BrowserSuite, account: { email: string; password: string }) {
  await page.goto(`${suite.app.url}/admin/login`)
  await page.fill('#field-email', account.email)
  await page.fill('#field-password', account.password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL(/\/admin$/)
}
