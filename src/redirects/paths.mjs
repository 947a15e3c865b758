/**
 * The one form of an old address: what the Redirects collection stores in `from` and what the
 * front server (scripts/redirects.mjs) looks a request up by, so that every way of writing the
 * same NukeViet page finds the same row. Plain JavaScript: the server imports it without a build.
 *
 * The rules, fitted to NukeViet 4's URLs (../shared/reference/nukeviet/README.md):
 * - a path from "/": a full http(s) URL keeps only its path (the old site's host is ours now);
 * - %XX sequences that spell letters are decoded (`/vi/news/tag/%C4%91…` = `/vi/news/tag/đầu-…`),
 *   "/", "?", "#", "%", spaces and control characters stay encoded; Unicode NFC;
 * - lower case: NukeViet's aliases and upload names are lower case and MySQL compares them without case;
 * - no trailing slash (`/vi/news/kinh-te/` = `/vi/news/kinh-te`: NukeViet redirects one to the other),
 *   repeated slashes as one;
 * - `/news/…` without a language is the default language's (`/vi/news/…`);
 * - `/index.php?language=vi&nv=news&op=<op>` is `/vi/news/<op>` (parameters in any order; language
 *   defaults to vi); any other script (`.php`, `.asp`, `.aspx`, `.jsp`, `.cfm`) keeps its query,
 *   parameters sorted, tracking ones (utm_*, fbclid, gclid) dropped; every other path drops its query.
 */

export const DEFAULT_LANGUAGE = 'vi'
/** NukeViet modules whose addresses are written without a language when rewriting omits it. */
const NUKEVIET_MODULES = new Set(['news'])
const SCRIPT = /\.(?:php|asp|aspx|jsp|cfm)$/
const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid)$/
const KEEP_ENCODED = /[/?#%\s\x00-\x1f\x7f]/g
const ENCODED_RUN = /(?:%[0-9a-fA-F]{2})+/g
/** A path with nothing to decode, fold, trim or rewrite (and not NukeViet's /news or /index.php). */
const PLAIN = /^\/(?!news(?:\/|$)|index\.php$)(?:[a-z0-9._~!$&'()*+,;=:@-]+\/)*[a-z0-9._~!$&'()*+,;=:@-]+$/
/** Longest old address kept; the collection's `from` field allows as much. */
export const MAX_ADDRESS_LENGTH = 2000

const encodeChar = (char) =>
  [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')

/** Decodes the %XX runs that spell valid UTF-8, keeping the characters that would change the path's meaning encoded. */
function decodeSafely(text) {
  if (!text.includes('%')) return text
  return text.replace(ENCODED_RUN, (run) => {
    try {
      return decodeURIComponent(run).replace(KEEP_ENCODED, encodeChar)
    } catch {
      return run.toUpperCase()
    }
  })
}

function cleanPath(path) {
  let clean = decodeSafely(path).normalize('NFC').toLowerCase().replace(/\/{2,}/g, '/')
  if (clean.length > 1 && clean.endsWith('/')) clean = clean.replace(/\/+$/, '') || '/'
  return clean
}

/** A query's name or value, decoded ("+" is a space), lower case; as typed when it does not decode. */
function decodeParameter(text) {
  let decoded = text.replace(/\+/g, ' ')
  try {
    decoded = decodeURIComponent(decoded)
  } catch {
    // kept as sent
  }
  return decoded.normalize('NFC').toLowerCase()
}

/** A query as written in a key: what would change its meaning encoded again. */
const encodeParameter = (text) => text.replace(/[&=#%\s\x00-\x1f\x7f]/g, encodeChar)

/** A query's parameters, decoded and lower-cased, tracking ones dropped, sorted by name then value. */
function parameters(query) {
  const pairs = []
  for (const part of query.split('&')) {
    if (!part) continue
    const at = part.indexOf('=')
    const name = decodeParameter(at < 0 ? part : part.slice(0, at))
    const value = at < 0 ? '' : decodeParameter(part.slice(at + 1))
    if (name && !TRACKING.test(name)) pairs.push([name, value])
  }
  return pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
}

/**
 * An address in the form redirects are stored and looked up by, or null when it is not an
 * address on a site (no leading "/", a scheme other than http(s), whitespace, too long).
 */
export function redirectKey(input) {
  if (typeof input !== 'string') return null
  // most requests: a plain lower-case ASCII path, already in the form (a reader's page costs ~0.3 µs here)
  if (PLAIN.test(input)) return input
  let text = input.trim()
  const absolute = /^https?:\/\/[^/?#\s]+/i.exec(text)
  if (absolute) text = text.slice(absolute[0].length) || '/'
  if (!text.startsWith('/') || text.startsWith('//') || text.length > MAX_ADDRESS_LENGTH || /[\s\x00-\x1f\x7f]/.test(text)) return null
  const hash = text.indexOf('#')
  if (hash >= 0) text = text.slice(0, hash)
  const mark = text.indexOf('?')
  let path = cleanPath(mark < 0 ? text : text.slice(0, mark))
  const query = mark < 0 ? '' : text.slice(mark + 1)
  if (path === '/index.php') {
    const params = new Map(parameters(query))
    const module = params.get('nv')
    const language = params.get('language') || DEFAULT_LANGUAGE
    if (!module) return language === DEFAULT_LANGUAGE ? '/' : `/${language}`
    const op = params.get('op')
    // the parameters are decoded: what would break the path is encoded again before cleanPath
    return cleanPath(`/${language}/${module}${op ? `/${op.replace(/[?#%\s\x00-\x1f\x7f]/g, encodeChar)}` : ''}`)
  }
  const first = path.split('/', 2)[1]
  if (NUKEVIET_MODULES.has(first)) path = `/${DEFAULT_LANGUAGE}${path}`
  if (query && SCRIPT.test(path)) {
    const kept = parameters(query)
    if (kept.length) path += `?${kept.map(([name, value]) => `${encodeParameter(name)}=${encodeParameter(value)}`).join('&')}`
  }
  return path
}

/**
 * A category's or the module's `/page-N` on NukeViet (`/vi/news/kinh-te/page-3`): the address of
 * its first page, where the redirect is found. Our lists show 10 articles a page, NukeViet 20 by
 * default (a setting per site) and both shift as articles are published: page N there is not a
 * page here, so the reader lands on the category's first page.
 */
export function withoutPageNumber(key) {
  const match = /^(\/[a-z]{2}\/[a-z0-9-]+(?:\/.*)?)\/page-[1-9][0-9]*$/.exec(key)
  return match ? match[1] : null
}

/**
 * A redirect's destination as stored, or null when it is neither a path here (from "/", not "//")
 * nor an http(s) address. Kept as typed (a media file's name has capitals), trimmed.
 */
export function redirectTarget(input) {
  if (typeof input !== 'string') return null
  const text = input.trim()
  if (!text || text.length > MAX_ADDRESS_LENGTH || /[\s\x00-\x1f\x7f]/.test(text)) return null
  if (text.startsWith('/')) return text.startsWith('//') || text.startsWith('/\\') ? null : text
  if (!/^https?:\/\//i.test(text)) return null
  try {
    const url = new URL(text)
    return url.hostname ? text : null
  } catch {
    return null
  }
}

/** The destination as a Location header: non-ASCII characters percent-encoded, what is already encoded left alone. */
export function locationOf(target) {
  return target.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run))
}
