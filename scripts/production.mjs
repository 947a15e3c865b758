/**
 * How the portal's commands run against a database, in one place: production mode (Payload never
 * pushes the schema: a push writes a `dev` row that stops the next `npm start`), Vietnam time,
 * Payload's CLI with the "production" module condition, and migrations applied first under
 * PostgreSQL's advisory lock, as `npm start` does (scripts/start.mjs, scripts/cli.mjs).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const bin = (name) => path.join(root, 'node_modules', '.bin', name)

export const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-deprecation`.trim(),
  // Payload renders some admin dates on the server (a version's breadcrumb, the versions list)
  // in the process's time zone: Vietnam time, as in the browser, not the server's UTC.
  TZ: process.env.TZ || 'Asia/Ho_Chi_Minh',
}
// On Node 20 the payload CLI, loading the TypeScript config in production mode, can stall on the
// Lexical import and exit silently unless modules resolve with the "production" condition.
export const cliEnv = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS} --conditions=production` }

/** Runs a command, its output shown; rejects with `label` when it fails. */
export function run(command, args, label, runEnv = env) {
  if (label) console.log(`\n▶ ${label}`)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: runEnv, stdio: 'inherit' })
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${label || args.join(' ')}: thất bại (mã ${code ?? signal})`))))
  })
}

const MIGRATION_LOCK = 72684130

/**
 * Several instances may start together on one PostgreSQL: the first to take this advisory lock
 * migrates (and seeds an empty database); the others wait, then find nothing left to do.
 */
export async function underMigrationLock(work) {
  const uri = process.env.DATABASE_URI ?? ''
  if (!/^postgres(ql)?:\/\//.test(uri)) return work()
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    console.log('\n▶ Chờ khóa migration (các máy chủ khác có thể đang migrate)...')
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    return await work()
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    await client.end()
  }
}

/** `payload migrate` as npm start runs it. */
export const migrate = () => run(bin('payload'), ['migrate'], 'Áp dụng migration cơ sở dữ liệu...', cliEnv)

/** `payload run SCRIPT -- ARGS` in production mode (`payload run` hands a script only what follows `--`). */
export const payloadRun = (script, args, label) => run(bin('payload'), ['run', script, '--', ...args], label, cliEnv)
