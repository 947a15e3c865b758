#!/usr/bin/env node
/**
 * `npm start`: one command from a fresh clone to a running portal.
 * Builds when no build exists, applies migrations, loads demo content into an empty database
 * (unless SEED_DEMO=false), then serves on PORT (default 3000) and says where to go, starting the
 * server again whenever it dies (scripts/supervise.mjs).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { supervise } from './supervise.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const port = process.env.PORT || '3000'
const env = {
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
const cliEnv = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS} --conditions=production` }

function run(command, args, label, runEnv = env) {
  console.log(`\n▶ ${label}`)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: runEnv, stdio: 'inherit' })
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label}: thất bại (mã ${code ?? signal})`)),
    )
  })
}

/**
 * Several instances may start together on one PostgreSQL: the first to take this advisory lock
 * migrates (and seeds an empty database); the others wait, then find nothing left to do.
 */
async function underMigrationLock(work) {
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
const MIGRATION_LOCK = 72684130

try {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    await run(bin('next'), ['build'], 'Chưa có bản build: đang build (khoảng 1–2 phút)...')
  }
  await underMigrationLock(async () => {
    await run(bin('payload'), ['migrate'], 'Áp dụng migration cơ sở dữ liệu...', cliEnv)
    if (process.env.SEED_DEMO !== 'false') {
      // `payload run` hands a script only what follows `--` as typed (it parses flags before it)
      await run(bin('payload'), ['run', 'src/seed/run.ts', '--', '--if-empty'], 'Kiểm tra dữ liệu mẫu...', cliEnv)
    }
  })
} catch (error) {
  console.error(`\n✗ ${error.message}`)
  process.exit(1)
}

console.log(`\n▶ Khởi động máy chủ trên cổng ${port}...`)
// The server's heap is capped (unless NODE_OPTIONS sets its own): V8 otherwise grows it freely on
// a large machine, and an instance under load sat at ~430 MB resident; capped, at ~280 MB, with the
// same throughput.
const heap = /--max-old-space-size/.test(env.NODE_OPTIONS) ? '' : ' --max-old-space-size=320'
// glibc gives each thread that allocates an arena of its own; libvips' threads (sharp, making an
// image's sizes) left a 40 MP upload's decoded pixels spread over them: 224 -> 401 MB resident,
// and it stayed there. With two arenas, as sharp's documentation suggests for glibc: 207 -> 312 MB.
const arenas = process.env.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: '2' }
let announced = false
// A server that dies (a crash, out of memory, kill -9) is started again, with a growing wait when it
// keeps failing (scripts/supervise.mjs); Ctrl-C or SIGTERM stop it gracefully and end here.
const supervisor = supervise({
  name: 'Máy chủ',
  command: process.execPath,
  args: [path.join(root, 'scripts', 'server.mjs')],
  spawnOptions: {
    cwd: root,
    env: { ...env, ...arenas, NODE_OPTIONS: `${env.NODE_OPTIONS}${heap}`, PORT: port },
    stdio: ['inherit', 'pipe', 'inherit'],
  },
  onStart: (server) =>
    server.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      if (!announced && /ready/i.test(chunk.toString())) {
        announced = true
        console.log(
          [
            '',
            `  Cổng thông tin:  http://localhost:${port}/`,
            `  Trang quản trị:  http://localhost:${port}/admin`,
            '  Đăng nhập bằng tài khoản mẫu in ở trên khi dữ liệu mẫu được tạo;',
            '  quên mật khẩu: npm run seed -- --new-passwords',
            '',
          ].join('\n'),
        )
      }
    }),
})
process.exit(await supervisor.exited)
