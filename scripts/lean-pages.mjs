/**
 * Readers' pages without Next's client runtime.
 *
 * A reader's page needs no React in the browser: everything interactive on it (the hit and its
 * live numbers, the stars, printing) is public/portal.js working on the server-rendered markup.
 * Next's runtime (React, the App Router, the page's RSC payload inlined for hydration) is ~150 KB
 * compressed, more than the rest of an article page with its images; it is what kept a phone's
 * first load above 100 KB and its largest paint late. So for a public page (anonymous GET, no RSC
 * request: pagePolicy in server.mjs) answered 200 with HTML, the server removes Next's scripts,
 * their preload hints and the inlined payload, puts the page's stylesheets in the page (with no
 * scripts left they were the only requests before the first paint), and compresses the page
 * itself (Next is asked for it uncompressed). Anything else Next wrote stays, React's own inline
 * scripts included. Editors' pages, RSC requests and error pages (Next's 404 shell renders in the
 * browser) keep everything. The page-bytes cache (page-bytes.mjs) keeps what is sent from here,
 * so this rewrite and its compression run once per page and cache period.
 *
 * A lean page's ETag is Next's with `-lean` added, so that a browser holding the lean copy never
 * gets a 304 for the full page it asks for once its owner has logged in as an editor.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/**
 * Next's script tags, their preload hints (`preload` as a script, `modulepreload`), and its inline
 * payload and bootstrap: one pass. Attributes in any order, a `nonce` among them, and an
 * `assetPrefix` (a CDN origin or a path) before `/_next/static/`.
 */
const NEXT_RUNTIME = new RegExp(
  [
    /<script\b[^>]*\bsrc="[^"]*\/_next\/static\/[^"]*"[^>]*><\/script>/.source,
    /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")(?=[^>]*\bhref="[^"]*\/_next\/static\/)[^>]*\/?>/.source,
    /<link\b(?=[^>]*\brel="modulepreload")(?=[^>]*\bhref="[^"]*\/_next\/static\/)[^>]*\/?>/.source,
    // inline: any attributes (`id="_R_"`, a `nonce`, in any order) but a src or a type
    /<script\b(?![^>]*\s(?:src|type)=)[^>]*>(?:\(?self\.__next_f\b|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/.source,
  ].join('|'),
  'g',
)
/** A built stylesheet's link, attributes in any order, after any assetPrefix: the file is group 1. */
const STYLESHEET = /<link\b(?=[^>]*\brel="stylesheet")(?=[^>]*\bhref="[^"]*?\/_next\/static\/([\w/.-]+\.css)")[^>]*\/?>/g
/** What a lean page must not keep: a script of Next's, by tag or by hint, or its payload. */
const LEFTOVER = /<(?:script|link)\b[^>]*\b(?:src|href)="[^"]*\/_next\/static\/[^"]*\.js[^"]*"|self\.__next_f\b|globalThis\["TURBOPACK"\]/
const COMPRESSIBLE = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:xml|json|javascript)\b|image\/svg\+xml)/
const MAX_BYTES = 4 * 1024 * 1024
const LEAN_TAG = '-lean"'

/**
 * The HTML of a reader's page, as bytes: Next's scripts, their preloads and the inlined RSC
 * payload removed; each stylesheet `stylesheet(file)` returns (a file under .next/static) in a
 * <style> in its place. The patterns are ASCII, so the bytes are read as latin1 (one character per
 * byte, no UTF-8 decoding: under load the decoding cost more than the rewrite) and written back so.
 */
export function leanHtml(html, stylesheet = () => null) {
  const lean = html
    .toString('latin1')
    .replace(NEXT_RUNTIME, '')
    .replace(STYLESHEET, (link, file) => {
      const css = stylesheet(file)
      return css === null ? link : `<style>${css}</style>`
    })
  return Buffer.from(lean, 'latin1')
}

/**
 * Whether a rewritten page still carries Next's runtime (a script, a script hint or the payload
 * the patterns above did not recognise: a Next or React upgrade that writes them differently).
 */
export function notLean(html) {
  return LEFTOVER.test(html.toString('latin1'))
}

let warned = false
/** Says once per process that readers' pages are no longer lean, with the first page seen. */
function warnIfNotLean(body, url) {
  if (warned || !notLean(body)) return
  warned = true
  console.error(
    `✗ Trang ${url} vẫn còn mã của Next sau khi làm gọn (lean page): mẫu trong scripts/lean-pages.mjs không còn khớp với HTML Next viết ra; trang của người đọc nặng trở lại (~235 KB). Báo một lần.`,
  )
}

/** Reads Next's built stylesheets (hashed names: read once each), as latin1 text for leanHtml. */
export function stylesheetsOf(distDir) {
  const read = new Map()
  return (file) => {
    if (!read.has(file)) {
      let css = null
      try {
        if (!file.split('/').includes('..')) css = fs.readFileSync(path.join(distDir, 'static', file)).toString('latin1')
      } catch {}
      read.set(file, css !== null && !/<\/style/i.test(css) ? css : null)
    }
    return read.get(file)
  }
}

/** Whether this request accepts the content coding (named without q, or with q above 0). */
export function accepts(req, coding) {
  for (const part of String(req.headers['accept-encoding'] ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (name !== coding) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return q ? Number(q.slice(2)) > 0 : true
  }
  return false
}

/** The encoding this request accepts that we send: br, gzip or none. */
export function encodingOf(req) {
  return accepts(req, 'br') ? 'br' : accepts(req, 'gzip') ? 'gzip' : ''
}

/**
 * Compressed off the main thread (zlib's thread pool), as Next's own compression is: on the
 * event loop it cost a third of the throughput of pages rendered per request. Levels: on a 28 KB
 * page here brotli 5 takes 1.5 ms and is 3.6% larger than brotli 9 (15 ms); gzip 6 is within
 * 0.4% of gzip 9.
 */
function compress(body, encoding, callback) {
  if (encoding === 'br') {
    zlib.brotliCompress(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }, callback)
  } else zlib.gzip(body, { level: 6 }, callback)
}

/** writeHead's headers, whichever form they came in, set on the response. */
function setHeaders(res, headers) {
  if (!headers) return
  if (Array.isArray(headers)) {
    const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((_, i) => (i % 2 ? [] : [[headers[i], headers[i + 1]]]))
    for (const [name, value] of pairs) res.appendHeader(name, value)
  } else for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
}

const toLean = (etag) => (typeof etag === 'string' && etag.endsWith('"') && !etag.endsWith(LEAN_TAG) ? `${etag.slice(0, -1)}${LEAN_TAG}` : etag)

/**
 * Holds back what Next writes for this public page's request, then sends it lean and compressed.
 * Call before handing the request to Next (it asks Next for the page uncompressed, and for
 * `If-None-Match` with the tags Next gave). With `lean: false` (an editor's page) the HTML goes out
 * as Next wrote it, compressed. `csp(html, lean)`, when given, gives the page's
 * Content-Security-Policy once its HTML is known (headers.mjs: hashes of Next's inline scripts).
 */
export function leanPage(req, res, stylesheet, { lean = true, csp } = {}) {
  const encoding = encodingOf(req)
  delete req.headers['accept-encoding']
  const askedLean = lean && String(req.headers['if-none-match'] ?? '').includes(LEAN_TAG)
  if (askedLean) req.headers['if-none-match'] = req.headers['if-none-match'].replaceAll(LEAN_TAG, '"')
  const { writeHead, write, end, flushHeaders } = res
  let status = null
  let statusMessage
  let chunks = []
  let size = 0
  let held = true
  let ended = false

  const restore = () => {
    held = false
    res.writeHead = writeHead
    res.write = write
    res.end = end
    res.flushHeaders = flushHeaders
  }
  // Past MAX_BYTES (no portal page is near it) the rest goes through as Next wrote it.
  const release = () => {
    restore()
    writeHead.call(res, status ?? res.statusCode, ...(statusMessage ? [statusMessage] : []))
    for (const chunk of chunks) write.call(res, chunk)
    chunks = []
  }
  const take = (chunk, chunkEncoding) => {
    if (chunk == null || typeof chunk === 'function') return
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof chunkEncoding === 'string' ? chunkEncoding : 'utf8')
    chunks.push(buffer)
    size += buffer.length
  }

  res.writeHead = function (code, ...rest) {
    if (!held) return writeHead.call(this, code, ...rest)
    status = code
    statusMessage = rest.find((arg) => typeof arg === 'string')
    setHeaders(res, rest.find((arg) => arg && typeof arg === 'object'))
    return this
  }
  res.flushHeaders = () => {}
  res.write = function (chunk, chunkEncoding, callback) {
    // Next's compression layer may have kept this function: once released, it only passes on.
    if (!held) return write.call(this, chunk, chunkEncoding, callback)
    take(chunk, chunkEncoding)
    if (size > MAX_BYTES) release()
    const done = [chunkEncoding, callback].find((arg) => typeof arg === 'function')
    if (done) process.nextTick(done)
    return true
  }
  res.end = function (chunk, chunkEncoding, callback) {
    if (!held) return end.call(this, chunk, chunkEncoding, callback)
    if (ended) return this
    ended = true
    take(chunk, chunkEncoding)
    const done = [chunk, chunkEncoding, callback].find((arg) => typeof arg === 'function')
    const code = status ?? res.statusCode
    const send = (body, sentEncoding) => {
      restore()
      if (res.headersSent || res.destroyed) return
      try {
        if (sentEncoding) {
          res.setHeader('content-encoding', sentEncoding)
          const vary = String(res.getHeader('vary') ?? '')
          if (!/\baccept-encoding\b/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
        }
        if (code !== 304 && code !== 204) res.setHeader('content-length', body.length)
        else res.removeHeader('content-length')
        if (statusMessage) writeHead.call(res, code, statusMessage)
        else writeHead.call(res, code)
        end.call(res, body, done)
      } catch (error) {
        console.error('Lỗi gửi trang:', error)
        res.destroy()
      }
    }
    let body = Buffer.concat(chunks)
    chunks = []
    const type = String(res.getHeader('content-type') ?? '')
    const encoded = res.getHeader('content-encoding')
    const html = !encoded && type.startsWith('text/html')
    const etag = res.getHeader('etag')
    const leaned = lean && html && code === 200
    if (typeof etag === 'string' && (leaned || (askedLean && code === 304))) res.setHeader('etag', toLean(etag))
    if (leaned) {
      body = leanHtml(body, stylesheet)
      warnIfNotLean(body, req.url)
    }
    if (html && csp) res.setHeader('content-security-policy', csp(body, leaned))
    if (!encoded && encoding && body.length > 1024 && COMPRESSIBLE.test(type)) {
      compress(body, encoding, (error, compressed) => (error ? send(body, '') : send(compressed, encoding)))
    } else send(body, '')
    return this
  }
}
