#!/usr/bin/env node
/** `npm test`: jest with native ESM (Payload is ESM-only); extra arguments go to jest. */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const env = {
  ...process.env,
  NODE_ENV: 'test',
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-deprecation`.trim(),
}
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')
const child = spawn(process.execPath, [jest, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
