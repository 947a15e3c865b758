/**
 * Checks a password against a stored hash the way Payload's local strategy does (PBKDF2-SHA256;
 * its current and legacy parameters), and burns the same time for an account that does not exist,
 * so that neither the answer nor its delay tells whether an e-mail has an account.
 */
import crypto from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2 = promisify(crypto.pbkdf2)

// As in payload/dist/auth/strategies/local/generatePasswordSaltHash.js (3.90).
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

export async function passwordMatches(password: string, stored: { hash?: unknown; salt?: unknown }): Promise<boolean> {
  if (typeof stored.hash !== 'string' || typeof stored.salt !== 'string') return false
  const current = stored.hash.startsWith(CURRENT_PREFIX)
  const { iterations, keyLength } = current ? CURRENT : LEGACY
  const expected = Buffer.from(current ? stored.hash.slice(CURRENT_PREFIX.length) : stored.hash, 'hex')
  const actual = await pbkdf2(password, stored.salt, iterations, keyLength, 'sha256')
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** The work of checking a password of an account that exists, for one that does not. */
export async function hashForNothing(password: string): Promise<void> {
  await pbkdf2(password, crypto.randomBytes(32).toString('hex'), CURRENT.iterations, CURRENT.keyLength, 'sha256')
}
