/**
 * Readers first: the server has one event loop, and every request it renders or queries for one
 * client is time that cached pages wait for. A stranger may ask as much as he likes of what costs
 * nothing (pages from the page bytes, /portal.js, Next's static files, media files); what costs is
 * metered per client address, in points that follow the work (about 3 ms of the server's time
 * each): ANON_REQUESTS_PER_IP_PER_MINUTE points a minute (default 240), given in windows of
 * ANON_METER_WINDOW_SECONDS (15), so that a burst is cut off within seconds. Past them: 429 with
 * Retry-After.
 * - a REST or GraphQL query, a login: 1 point, and a list 1 more per 10 documents it may return
 *   with what it populates (`limit` × (`depth` + 1), Payload's defaults 10 and 2): a list of 100
 *   articles two levels deep is 31 points; a body 1 more per 64 KB (1 MB: 17 points);
 * - a search (rendered per request, ~80 ms): 20 points;
 * - a page: nothing to read it (a reader whose page left the page bytes is not made to pay for
 *   it; one with a query string, or a HEAD, 1), but 1 point on a meter of its own when the answer
 *   is an error: a scanner's random addresses (404s, each one rendered) use up those points, and
 *   then its pages wait too.
 * Addresses are counted one by one for IPv4, by /64 network for IPv6.
 * No request costs more than a whole window. Page-view hits and votes (POSTs) have limits of
 * their own and are not counted here.
 *
 * Staff are not metered: a request whose session token (the payload-token cookie, or an
 * Authorization header) is signed with this portal's key and unexpired passes. The signature is
 * checked here (HMAC-SHA256, as Payload signs), so a made-up cookie does not.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

const SEARCH_COST = 20
const DOCUMENTS_PER_POINT = 10
const BODY_BYTES_PER_POINT = 64 * 1024

/** Payload's session key, handed over when Payload starts (src/lib/sessionKey.ts). */
const sessionKey = () => globalThis[Symbol.for('cttd.sessionKey')]

const FREE = /^\/(?:_next\/static\/|api\/images\/file\/|portal\.js(?:\?|$)|favicon\.ico|icon\.svg|robots\.txt)/
const OWN_LIMITS = /^\/api\/(?:stats\/hit|articles\/\d+\/rating)(?:\?|$)/
/** Hits and votes are POSTs; reading an article's rating is an ordinary query. */
const limitedElsewhere = (req, url) => req.method === 'POST' && OWN_LIMITS.test(url)
const SEARCH = /^\/(?:en\/|vi\/)?(?:tim-kiem|search)(?:\/|\?|$)/
const QUERY = /^\/api\//

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
  let address = req.socket.remoteAddress ?? 'unknown'
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim()
    if (forwarded) address = forwarded
  }
  return meterKey(address)
}

/**
 * Whom the meter counts: an IPv4 address, or an IPv6 network's /64 (a home or an office is given a
 * whole /64; counting single IPv6 addresses would give anyone billions of meters).
 */
export function meterKey(address) {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (v4) return v4[1]
  if (!address.includes(':')) return address
  const [head, tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`
}

const LIST = /^\/api\/[a-z-]+(?:\/versions)?(?:\?|$)/

/** Documents a REST list may return with what it populates, from its query (Payload's defaults). */
function documentsOf(url) {
  const query = new URLSearchParams(url.slice(url.indexOf('?') + 1 || url.length))
  const whole = (name, fallback, max) => {
    const value = Number(query.get(name) ?? fallback)
    return Number.isInteger(value) && value >= 0 ? Math.min(value, max) : fallback
  }
  return whole('limit', 10, 1000) * (whole('depth', 2, 10) + 1)
}

/** What a request costs a stranger before it runs: 0 when free, limited elsewhere, or a plain page (see above). */
export function costOf(req) {
  const url = req.url ?? '/'
  if (FREE.test(url) || limitedElsewhere(req, url)) return 0
  if (SEARCH.test(url)) return SEARCH_COST
  const reading = req.method === 'GET' || req.method === 'HEAD'
  // a body is read, decoded and parsed: a point more per 64 KB of it
  const body = Math.floor(Number(req.headers['content-length'] || 0) / BODY_BYTES_PER_POINT) || 0
  // a page with a query string, or asked by HEAD, never comes from the page bytes: Next renders it
  if (!QUERY.test(url)) return req.method === 'GET' && !url.includes('?') ? 0 : 1 + body
  return reading && LIST.test(url) ? 1 + Math.floor(documentsOf(url) / DOCUMENTS_PER_POINT) : 1 + body
}

export function throttleFrom(env = process.env) {
  const number = (value, fallback) => (Number.isFinite(Number(value)) && Number(value) > 0 ? Number(value) : fallback)
  const windowSeconds = number(env.ANON_METER_WINDOW_SECONDS, 15)
  const points = Math.max(SEARCH_COST, Math.round((number(env.ANON_REQUESTS_PER_IP_PER_MINUTE, 240) * windowSeconds) / 60))
  const limiter = new RateLimiterMemory({ keyPrefix: 'front', points, duration: windowSeconds })
  // a page's errors are counted apart: a reader behind the same address as heavy API users (an
  // office, a mobile carrier) still gets pages; a scanner's 404s stop its own pages only
  const errors = new RateLimiterMemory({ keyPrefix: 'front-errors', points, duration: windowSeconds })
  const waitOf = (state) => Math.max(1, Math.ceil(state.msBeforeNext / 1000))
  return {
    points,
    /** True when the request carries a session of this portal's staff (see above). */
    isStaff: (req) => validSession(tokenOf(req), sessionKey()),
    /**
     * Null at once when the request is free or comes from staff (`staff`: as the caller found it,
     * not checked again); otherwise a promise of null (go on) or of the seconds to wait. Asked after the page bytes: a cached page never waits on it.
     */
    check(req, res, staff = validSession(tokenOf(req), sessionKey())) {
      const url = req.url ?? '/'
      if (staff || FREE.test(url) || limitedElsewhere(req, url)) return null
      const address = addressOf(req)
      const cost = Math.min(costOf(req), points)
      if (cost === 0) {
        res?.once('finish', () => {
          if (res.statusCode >= 400) errors.penalty(address, 1).catch(() => {})
        })
        return errors.get(address).then((state) => (state && state.consumedPoints > points ? waitOf(state) : null))
      }
      return limiter.consume(address, cost).then(
        () => null,
        (error) => {
          if (error instanceof RateLimiterRes) return waitOf(error)
          throw error
        },
      )
    },
  }
}
