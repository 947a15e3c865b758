/**
 * The front server's redirects: every row of the Redirects collection in a Map, answered with a
 * 301 before Next or the page bytes are asked. A miss is one normalisation of the path
 * (src/redirects/paths.mjs) and up to three Map lookups; with no redirect at all, nothing.
 *
 * Kept current on every instance: the Map is read from the database when Payload has started
 * (src/redirects/register.ts hands over the rows), and again when their version (count and last
 * update) changes, asked every REDIRECTS_CHECK_SECONDS (5) and half a second after a save in this
 * process. A new Map is built aside and swapped in whole: readers are answered from the old one
 * meanwhile.
 *
 * Bounded: REDIRECTS_MAX_MB (32) of old addresses and destinations, counted at two bytes a
 * character plus 64 for the entry; rows past it are not served (logged once per load).
 */
import { locationOf, redirectKey, withoutPageNumber } from '../src/redirects/paths.mjs'

const HANDLE = Symbol.for('cttd.redirects')
const ENTRY_BYTES = 64
/** A browser keeps a 301 an hour: an editor's correction reaches everyone within that. */
export const REDIRECT_CACHE_CONTROL = 'public, max-age=3600'
const OUR_LOCALES = /^\/(en)(\/(?:bai-viet|chuyen-muc)\/.*)$/
const CATEGORY_PART = /^(\/chuyen-muc\/[^/]+)(\/.+)$/
/** A Location Node sends as it is: visible ASCII only (a letter or a control would throw). */
const SENDABLE = /^[\x21-\x7e]+$/
const NOT_PAGES = /^\/(?:api|admin|_next)(?:\/|$)/

export function redirectSettings(env = process.env) {
  const number = (name, fallback) => {
    const value = Number(env[name])
    return Number.isFinite(value) && value > 0 ? value : fallback
  }
  return { maxBytes: Math.floor(number('REDIRECTS_MAX_MB', 32) * 1024 * 1024), checkMs: Math.round(number('REDIRECTS_CHECK_SECONDS', 5) * 1000) }
}

/**
 * The table: `load(rows)` fills it (an iterable of pages of { from, to }), `find(url)` gives the
 * Location for a request's URL or null, `answer(req, res, before)` sends the 301 when there is one.
 */
export function redirectTable({ maxBytes, checkMs } = redirectSettings(), log = console.log) {
  let map = new Map()
  let bytes = 0
  let version = null
  let checking = null
  let soon = null
  let timer = null

  /** A local destination keeps the reader's query (utm_…, ?trang=) unless the old address was a script's. */
  const withQuery = (location, url, key) => {
    const mark = url.indexOf('?')
    if (mark < 0 || !location.startsWith('/') || location.includes('?') || key.includes('?') || /\/index\.php$/i.test(url.slice(0, mark))) return location
    return location + locationOf(url.slice(mark))
  }

  /** What a miss may still mean: a NukeViet list's page-N, our own old address in English, a category's pages and feed. */
  function fallback(key) {
    const firstPage = withoutPageNumber(key)
    if (firstPage) return map.get(firstPage)
    const locale = OUR_LOCALES.exec(key)
    const path = locale ? locale[2] : key
    let found = locale ? map.get(path) : undefined
    if (found === undefined) {
      const part = CATEGORY_PART.exec(path)
      const category = part ? map.get(part[1]) : undefined
      // the rest of the reader's path after the new category's address: encoded as a Location,
      // and never a `//host` or `/\host` (a category sent to "/" would make `/` + `/evil.example`)
      if (category?.startsWith('/')) {
        const joined = locationOf(category.replace(/\/+$/, '') + part[2])
        if (!/^\/[\/\\]|^\/%5c/i.test(joined)) found = joined
      }
    }
    return found !== undefined && locale && found.startsWith('/') ? `/${locale[1]}${found}` : found
  }

  function find(url) {
    if (map.size === 0) return null
    const key = redirectKey(url)
    if (key === null) return null
    const location = map.get(key) ?? fallback(key)
    return location === undefined ? null : withQuery(location, url, key)
  }

  function answer(req, res, before) {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || map.size === 0 || NOT_PAGES.test(req.url)) return false
    const location = find(req.url)
    // only what Node can send as a header; anything else is the page's (or the 404's) to answer
    if (location === null || !SENDABLE.test(location)) return false
    before?.()
    try {
      res.writeHead(301, { location, 'cache-control': REDIRECT_CACHE_CONTROL, 'content-length': '0' })
    } catch {
      return false
    }
    res.end()
    return true
  }

  async function load(pages) {
    const next = new Map()
    let size = 0
    let rows = 0
    let left = 0
    for await (const page of pages) {
      for (const { from, to } of page) {
        rows += 1
        const key = redirectKey(from)
        if (key === null || typeof to !== 'string' || !to) continue
        const location = locationOf(to)
        const cost = ENTRY_BYTES + 2 * (key.length + location.length)
        if (size + cost > maxBytes) {
          left += 1
          continue
        }
        size += cost
        next.set(key, location)
      }
    }
    map = next
    bytes = size
    if (left) log(`Chuyển hướng: ${left} dòng vượt giới hạn REDIRECTS_MAX_MB (${(maxBytes / 1024 / 1024).toFixed(0)} MB) không được phục vụ.`)
    return { rows, served: next.size, bytes: size }
  }

  const source = () => globalThis[HANDLE]?.source

  /** Reads the rows again when their version changed; one check at a time. */
  function check() {
    if (checking) return checking
    const from = source()
    if (!from) return Promise.resolve(false)
    checking = (async () => {
      const current = await from.version()
      if (current === version) return false
      const started = performance.now()
      const { served, bytes: size } = await load(from.rows())
      if (version === null || served > 0) {
        log(`Chuyển hướng: ${served.toLocaleString('vi-VN')} địa chỉ cũ trong bộ nhớ (~${(size / 1024 / 1024).toFixed(1)} MB), nạp trong ${Math.round(performance.now() - started)} ms.`)
      }
      version = current
      return true
    })()
      .catch((error) => {
        log(`Chuyển hướng: không đọc được từ cơ sở dữ liệu (${error?.message ?? error}); giữ bản đang có.`)
        return false
      })
      .finally(() => (checking = null))
    return checking
  }

  return {
    find,
    answer,
    load,
    check,
    get size() {
      return map.size
    },
    get bytes() {
      return bytes
    },
    /** Loads now, then keeps current: a save in this process asks half a second later (after its commit). */
    start() {
      const handle = (globalThis[HANDLE] ??= {})
      handle.changed = () => {
        if (soon) return
        soon = setTimeout(() => {
          soon = null
          check()
        }, 500)
        soon.unref?.()
      }
      timer = setInterval(check, checkMs)
      timer.unref?.()
      return check()
    },
    stop() {
      clearInterval(timer)
      clearTimeout(soon)
    },
  }
}
