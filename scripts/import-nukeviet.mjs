#!/usr/bin/env node
/**
 * `npm run import:nukeviet -- --mysql mysql://USER:PASS@HOST:PORT/DB --site DIR [--prefix nv4] [--lang vi,en] [--dry-run]`:
 * applies the migrations (as `npm start` does), then runs src/import/nukeviet/cli.ts.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'node_modules', '.bin', 'payload')
const args = process.argv.slice(2)
// On Node 20 the payload CLI needs the "production" condition to load the config (see start.mjs)
// production mode: the schema comes from the migrations, never pushed (as `npm start` runs them)
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-deprecation --conditions=production`.trim(),
  TZ: process.env.TZ || 'Asia/Ho_Chi_Minh',
}

function run(command, commandArgs) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: 'inherit' })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

if (!args.includes('--mysql') && !args.some((a) => a.startsWith('--mysql=')) || !args.includes('--site') && !args.some((a) => a.startsWith('--site='))) {
  console.error('✗ Thiếu --mysql hoặc --site.\nCách dùng: npm run import:nukeviet -- --mysql mysql://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:CỔNG/TÊN_CSDL --site THƯ_MỤC [--prefix nv4] [--lang vi,en] [--dry-run]')
  process.exit(1)
}
console.log('▶ Áp dụng migration cơ sở dữ liệu...')
const migrated = await run(bin, ['migrate'])
if (migrated !== 0) process.exit(migrated)
console.log('▶ Chuyển dữ liệu từ NukeViet...')
// `payload run` hands the script only what follows `--`
process.exit(await run(bin, ['run', 'src/import/nukeviet/cli.ts', '--', ...args]))
