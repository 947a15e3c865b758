/**
 * Who is voting: a logged-in user by their id, anyone else by a random id kept in a signed,
 * httpOnly, SameSite=Lax cookie. The IP is never an identity (many readers share an office's
 * address); it is only hashed, for the per-IP rate limit.
 */
import crypto from 'node:crypto'

import { keyedHash } from '../lib/keyedHash'

export const VOTER_COOKIE = 'cttd_voter'
const ONE_YEAR_SECONDS = 365 * 24 * 3600

export type Voter = { key: string; setCookie: string | null }

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

/** The id inside a well-signed cookie value, else null. */
export function verifyVoterCookie(secret: string, value: string | null): string | null {
  if (!value) return null
  const [id, signature] = value.split('.')
  if (!id || !signature || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return null
  const expected = keyedHash(secret, 'voter', id)
  const a = Buffer.from(signature)
  const b = Buffer.from(expected)
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? id : null
}

export function signVoterCookie(secret: string, id: string): string {
  return `${id}.${keyedHash(secret, 'voter', id)}`
}

/**
 * The voter behind a request; `create` mints a cookie for a reader who has none (a vote), a
 * read (GET) does not.
 */
export function identifyVoter(
  secret: string,
  headers: Headers,
  user: { id: number | string } | null | undefined,
  { create, secure }: { create: boolean; secure: boolean },
): Voter | null {
  if (user) return { key: `u:${user.id}`, setCookie: null }
  const existing = verifyVoterCookie(secret, readCookie(headers.get('cookie'), VOTER_COOKIE))
  if (existing) return { key: `c:${existing}`, setCookie: null }
  if (!create) return null
  const id = crypto.randomBytes(18).toString('base64url')
  const cookie = [
    `${VOTER_COOKIE}=${signVoterCookie(secret, id)}`,
    'Path=/',
    `Max-Age=${ONE_YEAR_SECONDS}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ')
  return { key: `c:${id}`, setCookie: cookie }
}
