/** Where a redirect back into the portal may go. */
const BASE = 'http://portal.invalid'

/**
 * Where to go back to: a path on this site, read the way a browser will read it (WHATWG URL: `\`
 * is `/`, tabs and line breaks are dropped), so `/\evil.example` or `/%09/evil.example` cannot
 * leave the site; the result is the parser's own encoding, so no line break reaches a header.
 */
export function returnPath(raw: string | null): string {
  if (!raw?.startsWith('/')) return '/'
  let url: URL
  try {
    url = new URL(raw, BASE)
  } catch {
    return '/'
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : '/'
}
