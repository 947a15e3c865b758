/** Where a redirect back into the portal may go. */
const BASE = 'http://portal.invalid'

/** Bounded: a path encoded more times than this is not one of ours. */
const MAX_DECODES = 5

/**
 * Whether a path stays on this site however many times something on the way (a proxy, a router,
 * a browser) decodes it: `/%5Cevil.example` is `/\evil.example`, which a browser reads as
 * `//evil.example`, another host; `/%09/evil.example` loses its tab and becomes the same.
 */
function staysHere(pathname: string): boolean {
  let current = pathname
  for (let i = 0; i <= MAX_DECODES; i += 1) {
    if (/[\u0000-\u001f\u007f]/.test(current) || /^\/[\\/]/.test(current) || /^\/(?:https?|javascript):/i.test(current)) return false
    let decoded: string
    try {
      decoded = decodeURIComponent(current)
    } catch {
      return false
    }
    if (decoded === current) return true
    current = decoded
  }
  return false
}

/**
 * Where to go back to: a path on this site, read the way a browser will read it (WHATWG URL: `\`
 * is `/`, tabs and line breaks are dropped: `new URL(path, base)` and an origin check), and not
 * one that a decoding on the way turns into another site's; anything else goes home. The result is
 * the parser's own encoding, so no line break reaches a header.
 */
export function returnPath(raw: string | null): string {
  if (!raw?.startsWith('/')) return '/'
  let url: URL
  try {
    url = new URL(raw, BASE)
  } catch {
    return '/'
  }
  if (url.origin !== BASE || !staysHere(url.pathname)) return '/'
  return `${url.pathname}${url.search}${url.hash}`
}
