import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { privateDir, privateFile } from './privateFiles'

/**
 * PAYLOAD_SECRET signs sessions. Production must set it; a local run without one gets a random
 * secret kept in ./data/.secret (0600, in a 0700 directory) so logins survive restarts, and never
 * a fixed, public one.
 */
export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.resolve(process.env.SECRET_FILE || path.join(process.cwd(), 'data', '.secret'))
  privateDir(path.dirname(file))
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    privateFile(file)
    return existing
  } catch {
    const secret = crypto.randomBytes(32).toString('hex')
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
      return secret
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim()
    }
  }
}
