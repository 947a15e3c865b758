#!/usr/bin/env node
/**
 * The production server: Next's request handler behind a plain node:http server (Next's
 * documented custom-server API). It is here to know who is asking: the socket's address is
 * written into x-portal-client-ip, replacing anything a client sent, for rate limits and
 * visitor hashing. And it answers the hottest route, POST /api/stats/hit, itself: the handler
 * is the recorder of the Payload instance Next started in this process (put on globalThis by
 * the config's onInit), so a hit does not pay Next's per-request cost. Until Payload has
 * started, hits go through Next to the same recorder as a Payload endpoint. Readers' pages go out
 * without Next's client runtime (lean-pages.mjs), kept in memory once rendered (page-bytes.mjs);
 * public/portal.js, their one script, is served from here with a year's cache. Every response
 * carries the security headers of headers.mjs (CSP, nosniff, framing, HSTS over https). Old
 * addresses (a NukeViet site moved over, a changed slug) get their 301 from memory (redirects.mjs)
 * before the page bytes or Next are asked.
 * SIGTERM/SIGINT stop accepting, let requests finish, write pending hits, then exit.
 */
import fs from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'

import { kindOf, nextScriptHashes, pageCsp, READER_CSP, securityHeaders } from './headers.mjs'
import { accepts, leanPage, stylesheetsOf } from './lean-pages.mjs'
import { addressDecodes, bodyCap, capBody, isUpload, limitsFrom, mediaExists, MESSAGES, refuse, serverTimeouts, uploadSlots } from './limits.mjs'
import { capture, pageKey, serveCached } from './page-bytes.mjs'
import { portalScript } from './portal-script.mjs'
import { redirectTable } from './redirects.mjs'
import { THROTTLE_MESSAGE, throttleFrom } from './throttle.mjs'
import { databaseKind, databaseUri, servingFile } from '../src/backup/database.mjs'
import { sweepMedia } from '../src/backup/sweep.mjs'

const CLIENT_IP_HEADER = 'x-portal-client-ip'
const HIT_PATH = '/api/stats/hit'
const stats = () => globalThis[Symbol.for('cttd.stats')]

/**
 * Cache-Control for the portal's pages, decided here so that a shared cache in front (nginx,
 * deploy/nginx.conf) may keep them a few seconds: public pages for anonymous readers are
 * `s-maxage=5, stale-while-revalidate=30`; anything for a logged-in editor or in draft preview,
 * anything setting a cookie, and errors are `private, no-store`. Next's own headers stand for
 * /api, /admin and /_next (hashed static files are immutable).
 */
const PUBLIC_PAGE = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30'
const PRIVATE = 'private, no-store'
const EDITOR_COOKIES = /(?:^|;\s*)(?:payload-token|__prerender_bypass|__next_preview_data|cttd_editor)=/

function pagePolicy(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  const path = (req.url ?? '/').split('?')[0]
  if (/^\/(?:api|admin|_next)(?:\/|$)/.test(path) || /\.(?:ico|png|jpe?g|webp|svg|css|js|woff2?)$/.test(path)) return null
  if (req.headers.rsc || EDITOR_COOKIES.test(req.headers.cookie ?? '')) return PRIVATE
  return PUBLIC_PAGE
}

function applyPolicy(req, res, policy) {
  if (!policy) return
  const writeHead = res.writeHead
  res.writeHead = function (status, ...rest) {
    const headers = rest.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg))
    const setsCookie = Boolean(this.getHeader('set-cookie')) || Object.keys(headers ?? {}).some((key) => key.toLowerCase() === 'set-cookie')
    const cacheable = policy === PUBLIC_PAGE && (status === 200 || status === 404) && !setsCookie
    for (const key of Object.keys(headers ?? {})) if (key.toLowerCase() === 'cache-control') delete headers[key]
    this.setHeader('cache-control', cacheable ? PUBLIC_PAGE : PRIVATE)
    return writeHead.call(this, status, ...rest)
  }
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'

const app = next({ dev: false, dir: root, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

const script = portalScript(root)
const SCRIPT_TYPE = 'text/javascript; charset=utf-8'

const stylesheets = stylesheetsOf(path.join(root, '.next'))

/** public/portal.js: a year in caches when asked for by its current hash, as the pages link it. */
function servePortalScript(req, res) {
  const current = req.url === script.path
  const etag = `"${script.version}"`
  const common = {
    'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    etag,
    vary: 'Accept-Encoding',
  }
  if (String(req.headers['if-none-match'] ?? '').includes(etag)) return res.writeHead(304, common).end()
  const gzip = accepts(req, 'gzip')
  const body = gzip ? script.gzip : script.body
  res.writeHead(200, { ...common, 'content-type': SCRIPT_TYPE, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': body.length })
  res.end(req.method === 'HEAD' ? undefined : body)
}

const limits = limitsFrom()
const redirects = redirectTable()
const uploads = uploadSlots(limits)
const throttle = throttleFrom()
const MEDIA_PREFIX = '/api/images/file/'
const protect = securityHeaders(process.env.SERVER_URL)
/** A held page's CSP: the reader's for a lean page, else with the hashes of Next's inline scripts. */
const heldPageCsp = (html, lean) => (lean ? READER_CSP : pageCsp(nextScriptHashes(html)))

/**
 * The checks before any body is read: the address, who asks, the body's cap. Null when the request
 * was answered; otherwise whether it comes from staff.
 */
function admit(req, res) {
  // A page the page bytes may answer gets its security headers from there (kept with it): set
  // here too, Node's writeHead would merge every kept header one by one, a third of a cached
  // page's cost. Otherwise they are set now, before anything can answer.
  const later = req.method === 'GET' && !req.headers['content-length'] && !req.headers['transfer-encoding'] && kindOf(req.url) === 'page'
  if (!later) protect(req, res)
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? ''
  if (!addressDecodes(req.url)) {
    if (later) protect(req, res)
    refuse(req, res, 400, MESSAGES.badAddress)
    return null
  }
  const staff = throttle.isStaff(req)
  return capBody(req, res, bodyCap(req, limits, staff)) ? null : { staff, protectLater: later }
}

/** What every request passes through, in order; the limits come before anything reads the body. */
function onRequest(req, res, admitted = admit(req, res)) {
  if (!admitted) return
  const { staff, protectLater } = admitted
  const fast = req.url === HIT_PATH ? stats() : undefined
  if (fast) {
    fast.handle(req, res).catch((error) => failed(res, error))
    return
  }
  if ((req.url === '/portal.js' || req.url.startsWith('/portal.js?')) && (req.method === 'GET' || req.method === 'HEAD')) return servePortalScript(req, res)
  if (redirects.answer(req, res, protectLater ? () => protect(req, res) : undefined)) return
  if (isUpload(req)) {
    // a stranger cannot upload: told so before his body is read or a slot is his
    if (!staff) return refuse(req, res, 401, MESSAGES.uploadLogin)
    if (!uploads.take(res, () => handleApp(req, res, staff))) refuse(req, res, 503, MESSAGES.busy, { 'retry-after': '5' })
    return
  }
  if (req.url.startsWith(MEDIA_PREFIX)) {
    mediaExists(req, limits)
      .then((exists) => (exists ? handleApp(req, res, staff) : refuse(req, res, 404, MESSAGES.notFound)))
      .catch((error) => failed(res, error))
    return
  }
  handleApp(req, res, staff, protectLater)
}

/** An error of ours while answering: logged, a 500 if nothing was sent yet, never a crash. */
function failed(res, error) {
  console.error('Lỗi máy chủ:', error)
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
  res.end('{"errors":[{"message":"Lỗi máy chủ."}]}')
}

const server = createServer(serverTimeouts(limits), onRequest)
// `Expect: 100-continue` (curl sends it for bodies over 1 MB): Node would say "continue" before our
// handler runs and the client would send the whole body; the limits answer first.
server.on('checkContinue', (req, res) => {
  const admitted = admit(req, res)
  if (!admitted) return
  res.writeContinue()
  onRequest(req, res, admitted)
})

/**
 * Next (and Payload in it), behind the page policy, the page bytes, the stranger's meter
 * (throttle.mjs: what is not in the page bytes costs) and the lean-page rewrite.
 */
function handleApp(req, res, staff, protectLater = false) {
  const policy = pagePolicy(req)
  const key = pageKey(req, policy === PUBLIC_PAGE)
  if (key && serveCached(key, res)) return
  if (protectLater) protect(req, res)
  const metered = throttle.check(req, res, staff)
  if (!metered) return render(req, res, policy, key)
  metered
    .then(
      (wait) => (wait ? refuse(req, res, 429, THROTTLE_MESSAGE, { 'retry-after': String(wait) }) : render(req, res, policy, key)),
      () => render(req, res, policy, key),
    )
    .catch((error) => failed(res, error))
}

function render(req, res, policy, key) {
  applyPolicy(req, res, policy)
  if (key) capture(key, res, (response) => response.getHeader('cache-control') === PUBLIC_PAGE)
  // a page's HTML is held to know its CSP; an editor's keeps Next's runtime (RSC requests are not pages)
  if (policy && req.method === 'GET' && !req.headers['next-router-prefetch'] && !req.headers.rsc) {
    leanPage(req, res, stylesheets, { lean: policy === PUBLIC_PAGE, csp: heldPageCsp })
  }
  handle(req, res)
}
server.keepAliveTimeout = 65_000
server.listen(port, hostname, async () => {
  // Start Payload now (its onInit hands the hit recorder to this server), not on the first reader.
  const local = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname
  await fetch(`http://${local.includes(':') ? `[${local}]` : local}:${port}/api/health`).catch(() => {})
  await redirects.start()
  console.log(`✓ Máy chủ sẵn sàng (ready) trên cổng ${port} (pid ${process.pid})`)
  markServing()
  // media:sweep's count, once, after the server answers: a line in the log, never in a reader's way
  if (!/^mongodb/.test(databaseUri())) setTimeout(() => {
    sweepMedia()
      .then(({ orphans, missing }) => {
        if (orphans.length || missing.length) {
          const mb = (orphans.reduce((sum, o) => sum + o.size, 0) / 1024 / 1024).toFixed(1)
          console.log(`Ảnh: ${orphans.length} tệp không ảnh nào dùng (${mb} MB), ${missing.length} ảnh thiếu tệp; xem: npm run media:sweep`)
        } else console.log('Ảnh: không có tệp mồ côi, không ảnh nào thiếu tệp.')
      })
      .catch((error) => console.log(`Ảnh: không đếm được tệp mồ côi (${error?.message ?? error}).`))
  }, 2000).unref()
})

/**
 * A SQLite database being served has `<file>.serving` next to it holding this process's id, so
 * that `npm run restore` refuses to replace it under us (PostgreSQL: restore sees our connections).
 */
let serving = null
function markServing() {
  try {
    if (databaseKind(databaseUri()) !== 'sqlite') return
    serving = servingFile(databaseUri())
    fs.writeFileSync(serving, `${process.pid}\n`, { mode: 0o600 })
  } catch {
    serving = null
  }
}
process.on('exit', () => {
  try {
    if (serving && fs.readFileSync(serving, 'utf8').trim() === String(process.pid)) fs.rmSync(serving)
  } catch {
    // already gone
  }
})

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    console.log(`Nhận ${signal}: dừng nhận kết nối mới, chờ các yêu cầu đang xử lý...`)
    server.close(async () => {
      await stats()?.flush()
      process.exit(0)
    })
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 10_000).unref()
  })
}
