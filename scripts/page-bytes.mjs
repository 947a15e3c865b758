/**
 * The bytes of cached public pages, kept by our server so that a reader's request for a page
 * Next has already rendered and cached does not pay Next's per-request cost again.
 *
 * Only what any anonymous reader would get is kept: GET, no query string, no editor session or
 * draft-mode cookie, no RSC or prefetch request, a 200 or 404 answer marked public (see
 * pagePolicy in server.mjs) that sets no cookie. Every revalidation of Next's page cache
 * (cache-handler.cjs: an editor's save on this instance, or on another through Redis) empties it,
 * and a page whose render began before the last revalidation, or less than
 * PAGE_BYTES_RENDER_WINDOW_MS (default 5000) after it, is not kept: a save revalidates from its
 * hooks before its transaction commits (a scheduled publish too), so a render that began just
 * after may have read the old rows, and kept here it would answer every reader until the TTL
 * (cache-handler.cjs keeps Next's copy out of its trust for the same window). Entries also expire
 * after PAGE_BYTES_TTL_SECONDS (default 30): then one request asks Next again while the others are
 * answered from the expired copy. The memory is bounded in bytes, least recently used
 * first out: PAGE_BYTES_MAX_MB (default 16) for pages, and PAGE_BYTES_NOT_FOUND_MB (default 1)
 * for 404 answers apart, so that a scanner asking for random addresses never pushes out the pages
 * readers ask for.
 */
import { LRUCache } from 'lru-cache'
import { encodingOf } from './lean-pages.mjs'

const TTL_MS = Math.max(1, Math.ceil(Number(process.env.PAGE_BYTES_TTL_SECONDS || 30) * 1000))
const RENDER_WINDOW_MS = Math.max(0, Number(process.env.PAGE_BYTES_RENDER_WINDOW_MS ?? 5000) || 0)
const MAX_BYTES = 1024 * 1024
const SKIP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length'])

/** A setting in megabytes, as bytes; 0 keeps nothing. */
function megabytes(name, fallback) {
  const value = Number(process.env[name] || fallback)
  return Math.max(1, Math.floor((Number.isFinite(value) ? value : fallback) * 1024 * 1024))
}

// What an entry costs besides its body and headers: the entry, its key's slot, the cache's bookkeeping.
const ENTRY_OVERHEAD = 256

function sizeOf(entry, key) {
  let bytes = ENTRY_OVERHEAD + key.length * 2 + entry.body.length
  for (const [name, value] of Object.entries(entry.headers)) bytes += (name.length + String(value).length) * 2
  return bytes
}

const bounded = (maxSize) => new LRUCache({ maxSize, sizeCalculation: sizeOf, ttl: TTL_MS })
const pages = bounded(megabytes('PAGE_BYTES_MAX_MB', 16))
const notFound = bounded(megabytes('PAGE_BYTES_NOT_FOUND_MB', 1))
let clearedAt = -Infinity

/** Called by cache-handler.cjs on every revalidation. */
globalThis[Symbol.for('cttd.pageBytes')] = {
  clear() {
    pages.clear()
    notFound.clear()
    clearedAt = performance.now()
  },
}

/** The key when this request may be answered from, or stored in, the page bytes; null otherwise. */
export function pageKey(req, publicPage) {
  if (!publicPage || req.method !== 'GET') return null
  if (req.url.includes('?') || req.headers['next-router-prefetch'] || req.headers['next-router-state-tree']) return null
  // not the Host: pages do not depend on it (absolute links come from SERVER_URL), and a stranger
  // sending random Host headers would otherwise store a copy of every page per name
  return `${encodingOf(req)} ${req.url}`
}

/**
 * Pages past their TTL being asked of Next again. An expired page is not a changed one (a change
 * empties the page bytes): while one request asks Next for it, the others get the copy they had.
 * Without this, every reader in flight when a popular page expired went to Next at once (50
 * connections: 50 renders' worth of rewriting and compressing on one event loop, a ~90 ms stall).
 */
const refreshing = new Set()
const STALE = { allowStale: true, noDeleteOnStaleGet: true }

/** Answers from the page bytes when it can; true when it did. */
export function serveCached(key, res) {
  // a read makes the entry the most recently used of its store
  const status = {}
  const entry = pages.get(key, { ...STALE, status }) ?? notFound.get(key, { ...STALE, status })
  if (!entry) return false
  if (status.get === 'stale' && !refreshing.has(key)) {
    refreshing.add(key) // this request asks Next (capture stores the fresh copy)
    res.once('close', () => refreshing.delete(key))
    return false
  }
  res.writeHead(entry.status, entry.headers)
  res.end(entry.body)
  return true
}

/** Keeps the response Next is about to write, if it turns out to be keepable. */
export function capture(key, res, isPublic) {
  const startedAt = performance.now()
  const chunks = []
  let size = 0
  let keep = true
  const write = res.write
  const end = res.end
  const writeHead = res.writeHead
  let given = {}
  res.writeHead = function (status, ...rest) {
    const headers = rest.find((arg) => arg && typeof arg === 'object')
    if (Array.isArray(headers)) keep = false
    else if (headers) given = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
    return writeHead.call(this, status, ...rest)
  }
  const take = (chunk, encoding) => {
    if (!keep || chunk == null || typeof chunk === 'function') return
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
    size += buffer.length
    if (size > MAX_BYTES) keep = false
    else chunks.push(buffer)
  }
  res.write = function (chunk, encoding, callback) {
    take(chunk, encoding)
    return write.call(this, chunk, encoding, callback)
  }
  res.end = function (chunk, encoding, callback) {
    take(chunk, encoding)
    const result = end.call(this, chunk, encoding, callback)
    if (keep && startedAt > clearedAt + RENDER_WINDOW_MS && isPublic(res) && (res.statusCode === 200 || res.statusCode === 404)) {
      const headers = {}
      for (const [name, value] of Object.entries({ ...res.getHeaders(), ...given })) if (!SKIP_HEADERS.has(name)) headers[name] = value
      const body = Buffer.concat(chunks)
      // the whole body is known: a content-length instead of chunked encoding
      headers['content-length'] = body.length
      pages.delete(key)
      notFound.delete(key)
      // 404s apart: anyone can ask for as many of them as they like
      const store = res.statusCode === 404 ? notFound : pages
      store.set(key, { status: res.statusCode, headers, body })
    }
    return result
  }
}
