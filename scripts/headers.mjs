/**
 * The security headers of every response, decided here and set by server.mjs before anything
 * answers (errors and refusals included), so that no route can forget them.
 *
 * Three policies, by what a response is:
 * - a reader's page (lean: no Next runtime, one script of ours, its CSS inlined) gets a strict CSP
 *   without nonces: it is cached and shared (page-bytes.mjs, nginx), so one reader's nonce would be
 *   every reader's. A page that keeps Next's runtime (an editor's page, Next's 404 shell) is the
 *   cached HTML too, rendered before anyone asked for it: its inline scripts are allowed by their
 *   hashes, taken when the page is sent, and only those of Next's own three shapes whose argument
 *   is plain JSON data (nextScriptHashes). Injected code has no such shape.
 * - the admin is rendered for each request: it gets a nonce per request, written into the
 *   request's CSP header too, where Next reads it and tags its scripts (Next's documented pattern,
 *   without a proxy since this server is in front).
 * - everything else (/api, media, /portal.js, /_next/static) is not a document: `default-src
 *   'none'` and `sandbox`, so that a file opened directly (an upload that is not what it claims)
 *   runs nothing.
 * All of them carry nosniff, the referrer policy, the permissions policy, X-Frame-Options for
 * browsers without frame-ancestors, and HSTS when the portal is served over https (SERVER_URL).
 * The strings are built once: a cached page pays a few setHeader calls, nothing else.
 */
import crypto from 'node:crypto'

/** Browser features a news portal never uses, off for every page and any frame in it. */
const PERMISSIONS = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

const policy = (directives) =>
  Object.entries(directives)
    .map(([name, sources]) => (sources ? `${name} ${sources}` : name))
    .join('; ')

/** What a page of the portal, lean or not, may load: its own files, inline styles, data: images, embedded videos. */
const PAGE = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  // the videos an article embeds, from their privacy-enhanced players (src/lib/video.ts)
  'frame-src': 'https://www.youtube-nocookie.com https://player.vimeo.com',
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'self'",
}

export const READER_CSP = policy(PAGE)
/** Not a document: nothing runs, nothing loads, not even when opened directly. */
export const RESOURCE_CSP = policy({ 'default-src': "'none'", 'frame-ancestors': "'self'", sandbox: '' })

/** A page keeping Next's runtime: the reader's policy plus the hashes of Next's inline scripts. */
export function pageCsp(hashes) {
  return hashes.length ? policy({ ...PAGE, 'script-src': `'self' ${hashes.join(' ')}` }) : READER_CSP
}

/** The admin's policy for one request: Payload's admin as Next renders it, with this nonce. */
export function adminCsp(nonce) {
  return policy({ ...PAGE, 'script-src': `'self' 'nonce-${nonce}'`, 'worker-src': "'self' blob:" })
}

/**
 * The inline scripts Next writes into a page, and only those: its flight data
 * (`self.__next_f.push([...])`), the bootstrap of it and Turbopack's chunk list, each with a JSON
 * argument. Attributes in any order (`id="_R_"`, `nonce`); `src`/`type` scripts are not inline code.
 */
const INLINE_SCRIPT = /<script\b((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>([\s\S]*?)<\/script>/g
const NEXT_SHAPES = [
  /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(([\s\S]*)\);?$/,
  /^self\.__next_f\.push\(([\s\S]*)\);?$/,
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(([\s\S]*)\);?$/,
]

const isJson = (text) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** `'sha256-…'` sources for Next's inline scripts in this HTML (bytes or text, UTF-8). */
export function nextScriptHashes(html) {
  const text = Buffer.isBuffer(html) ? html.toString('latin1') : Buffer.from(html, 'utf8').toString('latin1')
  const hashes = new Set()
  for (const [, attributes, code] of text.matchAll(INLINE_SCRIPT)) {
    if (/\s(?:src|type)=/i.test(attributes)) continue
    const argument = NEXT_SHAPES.map((shape) => shape.exec(code)?.[1]).find((found) => found !== undefined)
    if (argument === undefined || !isJson(Buffer.from(argument, 'latin1').toString('utf8'))) continue
    hashes.add(`'sha256-${crypto.createHash('sha256').update(Buffer.from(code, 'latin1')).digest('base64')}'`)
  }
  return [...hashes]
}

/** What a request is, for its headers: the admin, a page, or anything else. */
export function kindOf(url = '/') {
  const path = url.split('?')[0]
  if (/^\/admin(?:\/|$)/.test(path)) return 'admin'
  if (/^\/(?:api|_next)(?:\/|$)/.test(path) || path === '/portal.js' || /\.(?:ico|png|jpe?g|webp|svg|css|js|woff2?)$/.test(path)) return 'resource'
  return 'page'
}

/** The headers every response carries, as [name, value] pairs, for this SERVER_URL. */
export function commonHeaders(serverUrl = process.env.SERVER_URL ?? '') {
  return [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['permissions-policy', PERMISSIONS],
    ['x-frame-options', 'SAMEORIGIN'],
    ...(/^https:\/\//i.test(serverUrl) ? [['strict-transport-security', 'max-age=31536000']] : []),
  ]
}

/**
 * Sets this request's security headers on its response (and, for the admin, the nonce on the
 * request for Next). A page's CSP may be replaced once its HTML is known (lean-pages.mjs).
 */
export function securityHeaders(serverUrl) {
  const common = commonHeaders(serverUrl)
  return function protect(req, res) {
    for (const [name, value] of common) res.setHeader(name, value)
    const kind = kindOf(req.url)
    if (kind === 'admin') {
      const csp = adminCsp(crypto.randomBytes(16).toString('base64'))
      req.headers['content-security-policy'] = csp
      res.setHeader('content-security-policy', csp)
    } else {
      // a client's own CSP header must not become the nonce Next writes into a shared page
      delete req.headers['content-security-policy']
      delete req.headers['content-security-policy-report-only']
      res.setHeader('content-security-policy', kind === 'page' ? READER_CSP : RESOURCE_CSP)
    }
    return kind
  }
}
