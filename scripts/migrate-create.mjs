#!/usr/bin/env node
/**
 * `npm run migrate:create -- <name>`: after a schema change, writes the migration for both SQL
 * databases (src/migrations/sqlite and src/migrations/postgres), each diffed against its last
 * snapshot. PostgreSQL is reached at MIGRATE_POSTGRES_URI (default: the local server).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Cách dùng: npm run migrate:create -- ten_migration (chữ thường, số, dấu gạch dưới)')
  process.exit(2)
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-migrate-'))
const targets = [
  ['SQLite', `file:${path.join(tmp, 'schema.db')}`],
  ['PostgreSQL', process.env.MIGRATE_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/postgres'],
]
let status = 0
for (const [label, uri] of targets) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'payload'), ['migrate:create', name], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URI: uri, NODE_OPTIONS: '--no-deprecation --conditions=production' },
  })
  status ||= result.status ?? 1
}
fs.rmSync(tmp, { recursive: true, force: true })
process.exit(status)
