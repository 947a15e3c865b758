/**
 * `npm run start:cluster` for tests: nginx in front of two built instances on a fresh PostgreSQL
 * database and the local Redis.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { freePort, type RunningScript, startScript, stopGroup } from './app'
import { freshDatabase } from './payload'

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? null

export type Cluster = {
  url: string
  instances: { url: string; pid: () => number }[]
  accounts: Record<'admin' | 'editor' | 'reporter', { email: string; password: string }>
  stop: () => Promise<void>
}

export async function startCluster(env: Record<string, string> = {}): Promise<Cluster> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'portal-cluster-'))
  const database = await freshDatabase(dir)
  const [port, a, b] = [await freePort(), await freePort(), await freePort()]
  const cleanUp = async ({ child }: RunningScript) => {
    await stopGroup(child, 15_000)
    await database.drop()
    await fsp.rm(dir, { recursive: true, force: true })
  }
  const run = await startScript(
    'cluster.mjs',
    {
      CLUSTER_PORT: String(port),
      APP_PORTS: `${a},${b}`,
      DATABASE_URI: database.uri,
      REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      ANON_REQUESTS_PER_IP_PER_MINUTE: '1000000',
      MEDIA_DIR: path.join(dir, 'media'),
      SECRET_FILE: path.join(dir, '.secret'),
      JOBS_AUTORUN: 'false',
      ...env,
    },
    /Cụm sẵn sàng/,
    cleanUp,
  )
  const stop = () => cleanUp(run)
  const output = run.output()
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
