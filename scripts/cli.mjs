#!/usr/bin/env node
/**
 * `npm run seed`, `npm run create-admin`: Payload scripts run the way `npm start` runs them, safe
 * on a production database: production mode (no schema push), migrations applied first (a fresh
 * database gets its tables; several instances on one PostgreSQL wait for each other), then the
 * script with the arguments given after `--`.
 */
import { spawn } from 'node:child_process'

import { bin, cliEnv, migrate, root, underMigrationLock } from './production.mjs'

const SCRIPTS = { seed: 'src/seed/run.ts', 'create-admin': 'src/security/create-admin.ts' }
const [command, ...args] = process.argv.slice(2)

if (!(command in SCRIPTS)) {
  console.error(`✗ Lệnh không có: ${command ?? '(trống)'}. Có: ${Object.keys(SCRIPTS).join(', ')}`)
  process.exit(2)
}
try {
  await underMigrationLock(migrate)
} catch (error) {
  console.error(`\n✗ ${error.message}`)
  process.exit(1)
}
// the script says itself what went wrong; its exit code is the command's
const script = spawn(bin('payload'), ['run', SCRIPTS[command], '--', ...args.filter((arg) => arg !== '--')], { cwd: root, env: cliEnv, stdio: 'inherit' })
script.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
