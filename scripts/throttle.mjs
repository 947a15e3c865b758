/**
 * Readers first: the server has one event loop, and every request it renders or queries for one
 * client is time that cached pages wait for. A stranger may ask as much as he likes of what costs
 * nothing (pages from the page bytes, /portal.js, Next's static files, media files); what costs
 * (a page rendered per request such as search, a REST or GraphQL query, a login) is metered per
 * client address: ANON_REQUESTS_PER_IP_PER_MINUTE points (default 240), a search 5 points, taken
 * in windows of 5 s so that a burst is cut off within seconds. Past it: 429 with Retry-After.
 * Page-view hits and votes have limits of their own and are not counted here.
 *
 * Staff are not metered: a request whose session token (the payload-token cookie, or an
 * Authorization header) is signed with this portal's key and unexpired passes. The signature is
 * checked here (HMAC-SHA256, as Payload signs), so a made-up cookie does not.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

const WINDOW_SECONDS = 5
const SEARCH_COST = 5

/** Payload's session key, handed over when Payload starts (src/lib/sessionKey.ts). */
const sessionKey = () => globalThis[Symbol.for('cttd.sessionKey')]

const FREE = /^\/(?:_next\/static\/|api\/images\/file\/|portal\.js(?:\?|$)|favicon\.ico|icon\.svg|robots\.txt)/
const OWN_LIMITS = /^\/api\/(?:stats\/hit|articles\/\d+\/rating)(?:\?|$)/
const SEARCH = /^\/(?:en\/)?(?:tim-kiem|search)(?:\/|\?|$)/

export const THROTTLE_MESSAGE = 'Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau ít giây.'

/** The session token a request carries, if any. */
function tokenOf(req) {
  const auth = req.headers.authorization
  if (typeof auth === 'string') {
    const match = /^(?:JWT|Bearer) (\S+)$/.exec(auth)
    if (match) return match[1]
  }
  const cookie = req.headers.cookie
  if (typeof cookie !== 'string') return null
  const match = /(?:^|;\s*)payload-token=([^;]+)/.exec(cookie)
  return match ? match[1] : null
}

/** True when the token is signed with `key` (HS256) and not expired. */
export function validSession(token, key, now = Date.now()) {
  if (!token || !key || token.length > 4096) return false
  const [header, body, signature] = token.split('.')
  if (!header || !body || !signature) return false
  const expected = createHmac('sha256', key).update(`${header}.${body}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false
  try {
    const { exp } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    return typeof exp === 'number' && exp * 1000 > now
  } catch {
    return false
  }
}

/** The client's address: the socket's, or X-Forwarded-For's first behind a trusted proxy. */
export function addressOf(req, trustProxy = process.env.TRUST_PROXY === 'true') {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim()
    if (forwarded) return forwarded
  }
  return req.socket.remoteAddress ?? 'unknown'
}

/** What a request costs a stranger: 0 when it is free or limited elsewhere. */
export function costOf(req) {
  const url = req.url ?? '/'
  if (FREE.test(url) || OWN_LIMITS.test(url)) return 0
  return SEARCH.test(url) ? SEARCH_COST : 1
}

export function throttleFrom(env = process.env) {
  const perMinute = Number(env.ANON_REQUESTS_PER_IP_PER_MINUTE || 240)
  const points = Math.max(SEARCH_COST, Math.round(((Number.isFinite(perMinute) && perMinute > 0 ? perMinute : 240) * WINDOW_SECONDS) / 60))
  const limiter = new RateLimiterMemory({ keyPrefix: 'front', points, duration: WINDOW_SECONDS })
  return {
    points,
    /**
     * Null at once when the request costs nothing or comes from staff; otherwise a promise of null
     * (go on) or of the seconds to wait. Asked after the page bytes: a cached page never waits on it.
     */
    check(req) {
      const cost = costOf(req)
      if (cost === 0 || validSession(tokenOf(req), sessionKey())) return null
      return limiter.consume(addressOf(req), cost).then(
        () => null,
        (error) => {
          if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
          throw error
        },
      )
    },
  }
}
