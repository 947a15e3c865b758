#!/usr/bin/env node
/**
 * `npm start`: one command from a fresh clone to a running portal.
 * Builds when no build exists, applies migrations, loads demo content into an empty database
 * (unless SEED_DEMO=false), then serves on PORT (default 3000) and says where to go, starting the
 * server again whenever it dies (scripts/supervise.mjs).
 */
import fs from 'node:fs'
import path from 'node:path'

import { bin, env, migrate, payloadRun, root, run, underMigrationLock } from './production.mjs'
import { supervise } from './supervise.mjs'

const port = process.env.PORT || '3000'

try {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    await run(bin('next'), ['build'], 'Chưa có bản build: đang build (khoảng 1–2 phút)...')
  }
  await underMigrationLock(async () => {
    await migrate()
    if (process.env.SEED_DEMO !== 'false') await payloadRun('src/seed/run.ts', ['--if-empty'], 'Kiểm tra dữ liệu mẫu...')
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
