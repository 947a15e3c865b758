/**
 * Readers' pages without Next's client runtime.
 *
 * A reader's page needs no React in the browser: everything interactive on it (the hit and its
 * live numbers, the stars, printing) is public/portal.js working on the server-rendered markup.
 * Next's runtime (React, the App Router, the page's RSC payload inlined for hydration) is ~150 KB
 * compressed, more than the rest of an article page with its images; it is what kept a phone's
 * first load above 100 KB and its largest paint late. So for a public page (anonymous GET, no RSC
 * request: pagePolicy in server.mjs) answered 200 with HTML, the server removes Next's scripts,
 * their preload hints and the inlined payload, and compresses the page itself (Next is asked for
 * it uncompressed). Anything else Next wrote stays, React's own inline scripts included.
 * Editors' pages, RSC requests and error pages (Next's 404 shell renders in the browser) keep
 * everything. The page-bytes cache (page-bytes.mjs) keeps what is sent from here, so this
 * rewrite and its compression run once per page and cache period.
 */
import zlib from 'node:zlib'

/** Next's script tags, their preload hints, and its inline payload and bootstrap: one pass. */
const NEXT_RUNTIME = new RegExp(
  [
    /<script\b[^>]*\bsrc="\/_next\/static\/[^"]*"[^>]*><\/script>/.source,
    /<link\b[^>]*\brel="preload"[^>]*\bas="script"[^>]*\bhref="\/_next\/static\/[^"]*"[^>]*\/?>/.source,
    /<script(?: id="_R_")?>(?:\(?self\.__next_f\b|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/.source,
  ].join('|'),
  'g',
)
const COMPRESSIBLE = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:xml|json)\b)/
const MAX_BYTES = 4 * 1024 * 1024

/**
 * The HTML of a reader's page: Next's scripts, their preloads and the inlined RSC payload removed.
 * A string, or bytes: the patterns are ASCII, so bytes are read as latin1 (one character per byte,
 * no UTF-8 decoding: under load the decoding cost more than the rewrite) and written back as such.
 */
export function leanHtml(html) {
  if (typeof html === 'string') return html.replace(NEXT_RUNTIME, '')
  return Buffer.from(html.toString('latin1').replace(NEXT_RUNTIME, ''), 'latin1')
}

/** The encoding this request accepts that we send: br, gzip or none. */
export function encodingOf(req) {
  const accepted = String(req.headers['accept-encoding'] ?? '')
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : ''
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

const headerValue = (headers, name) => {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value
  return undefined
}

/**
 * Holds back what Next writes for this public page's request, then sends it lean and compressed.
 * Call before handing the request to Next (it asks Next for the page uncompressed).
 */
export function leanPage(req, res) {
  const encoding = encodingOf(req)
  delete req.headers['accept-encoding']
  const { writeHead, write, end, flushHeaders } = res
  let head = null
  let chunks = []
  let size = 0
  let held = true

  // Past MAX_BYTES (no portal page is near it) the rest goes through as Next wrote it.
  const release = () => {
    held = false
    res.writeHead = writeHead
    res.write = write
    res.end = end
    res.flushHeaders = flushHeaders
    if (head) writeHead.apply(res, head)
    for (const chunk of chunks) write.call(res, chunk)
    chunks = []
  }
  const take = (chunk, chunkEncoding) => {
    if (chunk == null || typeof chunk === 'function') return
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof chunkEncoding === 'string' ? chunkEncoding : 'utf8')
    chunks.push(buffer)
    size += buffer.length
  }

  res.writeHead = function (...args) {
    head = args
    return this
  }
  res.flushHeaders = () => {}
  res.write = function (chunk, chunkEncoding, callback) {
    take(chunk, chunkEncoding)
    if (size > MAX_BYTES) release()
    const done = [chunkEncoding, callback].find((arg) => typeof arg === 'function')
    if (done) process.nextTick(done)
    return true
  }
  res.end = function (chunk, chunkEncoding, callback) {
    if (!held) return end.call(this, chunk, chunkEncoding, callback)
    take(chunk, chunkEncoding)
    const done = [chunk, chunkEncoding, callback].find((arg) => typeof arg === 'function')
    res.writeHead = writeHead
    res.write = write
    res.end = end
    res.flushHeaders = flushHeaders
    const [status = res.statusCode, ...rest] = head ?? []
    const given = rest.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg)) ?? {}
    const statusMessage = rest.find((arg) => typeof arg === 'string')
    let body = Buffer.concat(chunks)
    const type = String(headerValue(given, 'content-type') ?? res.getHeader('content-type') ?? '')
    const encoded = headerValue(given, 'content-encoding') ?? res.getHeader('content-encoding')
    if (!encoded && status === 200 && type.startsWith('text/html')) body = leanHtml(body)
    const send = (sent, sentEncoding) => {
      if (sentEncoding) {
        res.setHeader('content-encoding', sentEncoding)
        const vary = String(headerValue(given, 'vary') ?? res.getHeader('vary') ?? '')
        if (!/\baccept-encoding\b/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
      }
      for (const key of Object.keys(given)) if (/^(?:content-length|content-encoding|vary)$/i.test(key) && res.hasHeader(key)) delete given[key]
      if (status !== 304 && status !== 204) res.setHeader('content-length', sent.length)
      if (statusMessage) writeHead.call(res, status, statusMessage, given)
      else writeHead.call(res, status, given)
      end.call(res, req.method === 'HEAD' ? undefined : sent, done)
    }
    if (!encoded && encoding && body.length > 1024 && COMPRESSIBLE.test(type)) {
      compress(body, encoding, (error, compressed) => (error ? send(body, '') : send(compressed, encoding)))
    } else send(body, '')
    return res
  }
}
