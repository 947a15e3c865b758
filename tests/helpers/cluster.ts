/**
 * `npm run start:cluster` for tests: nginx in front of two built instances on a fresh PostgreSQL
 * database and the local Redis.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { freePort, stopGroup } from './app'
import { freshDatabase } from './payload'

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? null

export type Cluster = {
  url: string
  instances: { url: string; pid: () => number }[]
  accounts: Record<'admin' | 'editor' | 'reporter', { email: string; password: string }>
  stop: () => Promise<void>
}

const root = path.resolve(import.meta.dirname ?? __dirname, '..', '..')

export async function startCluster(env: Record<string, string> = {}): Promise<Cluster> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'portal-cluster-'))
  const database = await freshDatabase(dir)
  const [port, a, b] = [await freePort(), await freePort(), await freePort()]
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts', 'cluster.mjs')], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      CLUSTER_PORT: String(port),
      APP_PORTS: `${a},${b}`,
      DATABASE_URI: database.uri,
      REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      MEDIA_DIR: path.join(dir, 'media'),
      SECRET_FILE: path.join(dir, '.secret'),
      JOBS_AUTORUN: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const stop = async () => {
    await stopGroup(child, 15_000)
    await database.drop()
    await fsp.rm(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 8 * 60_000
  while (!/Cụm sẵn sàng/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`the cluster did not start:\n${output.slice(-4000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const accounts = Object.fromEntries(
    [...output.matchAll(/^\[app\d\]\s+(admin|editor|reporter)\s+(\S+@\S+)\s+(\S+)$/gm)].map((m) => [m[1], { email: m[2], password: m[3] }]),
  ) as Cluster['accounts']
  const pidOf = (appPort: number) => () => Number(new RegExp(`cổng ${appPort} \\(pid (\\d+)\\)`).exec(output)?.[1])
  return {
    url: `http://127.0.0.1:${port}`,
    instances: [a, b].map((p) => ({ url: `http://127.0.0.1:${p}`, pid: pidOf(p) })),
    accounts,
    stop,
  }
}
