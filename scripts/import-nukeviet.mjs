#!/usr/bin/env node
/**
 * `npm run import:nukeviet -- --mysql mysql://USER:PASS@HOST:PORT/DB --site DIR [--prefix nv4] [--lang vi,en] [--dry-run]`:
 * applies the migrations as `npm start` does (production mode, never a schema push, under the same
 * PostgreSQL lock as starting instances: scripts/production.mjs), then runs src/import/nukeviet/cli.ts.
 */
import { spawn } from 'node:child_process'

import { bin, cliEnv, migrate, root, underMigrationLock } from './production.mjs'

const args = process.argv.slice(2)
const given = (name) => args.includes(name) || args.some((a) => a.startsWith(`${name}=`))

if (!given('--mysql') || !given('--site')) {
  console.error('✗ Thiếu --mysql hoặc --site.\nCách dùng: npm run import:nukeviet -- --mysql mysql://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:CỔNG/TÊN_CSDL --site THƯ_MỤC [--prefix nv4] [--lang vi,en] [--dry-run]')
  process.exit(1)
}
try {
  await underMigrationLock(migrate)
} catch (error) {
  console.error(`\n✗ ${error.message}`)
  process.exit(1)
}
console.log('\n▶ Chuyển dữ liệu từ NukeViet...')
// `payload run` hands the script only what follows `--`
// A heap cap keeps the run under 400 MB resident: V8 otherwise grows its heap well past what the
// import keeps alive (a flat ~150 MB, pages of 50 articles), then the pictures' buffers come on top.
const heap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? '' : ' --max-old-space-size=256 --max-semi-space-size=4'
// and glibc's per-thread malloc arenas, which libvips' threads otherwise grow without giving back
// (sharp's documentation advises this on glibc)
const env = { MALLOC_ARENA_MAX: '2', ...cliEnv, NODE_OPTIONS: `${cliEnv.NODE_OPTIONS ?? ''}${heap}`.trim() }
const importer = spawn(bin('payload'), ['run', 'src/import/nukeviet/cli.ts', '--', ...args], { cwd: root, env, stdio: 'inherit' })
importer.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
