/**
 * Which origin is ours, and whether a browser request comes from it: the one rule behind the
 * session cookie's CSRF check, the vote endpoint's refusal of other sites, the Secure flag of our
 * cookies and the links in mail.
 *
 * Ours is SERVER_URL's origin. Without SERVER_URL (the demo, the tests) it is the request's own:
 * its Host over http. X-Forwarded-Host and X-Forwarded-Proto are believed only with
 * TRUST_PROXY=true (a proxy in front sets them; anyone else could send them).
 */
const trustProxy = () => process.env.TRUST_PROXY === 'true'

const firstValue = (value: string | null) => value?.split(',')[0]?.trim() || null

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

/** SERVER_URL's origin (scheme, host and port; a path or trailing slash dropped), or null. */
export function configuredOrigin(): string | null {
  const url = process.env.SERVER_URL
  return url ? originOf(url) : null
}

/** This site's origin as a request to it sees it; null without SERVER_URL or a Host. */
export function ownOrigin(headers: Headers): string | null {
  const configured = configuredOrigin()
  if (configured) return configured
  const host = (trustProxy() && firstValue(headers.get('x-forwarded-host'))) || headers.get('host')
  if (!host) return null
  const scheme = (trustProxy() && firstValue(headers.get('x-forwarded-proto'))) || 'http'
  if (scheme !== 'http' && scheme !== 'https') return null
  return originOf(`${scheme}://${host}`)
}

/** Whether cookies we set must be Secure: SERVER_URL is https, or a trusted proxy says https. */
export function isHttps(headers: Headers): boolean {
  return ownOrigin(headers)?.startsWith('https:') ?? false
}

/**
 * Where a browser says a request comes from. `ours`: Origin is ours, or there is no Origin and
 * Sec-Fetch-Site is same-origin or none (typed in, a bookmark). `other`: another Origin (`null`
 * included), or Sec-Fetch-Site cross-site or same-site (a sibling host is another origin).
 * `unsaid`: neither header, which no current browser omits: a script, not a page.
 */
export function requestSource(headers: Headers): 'ours' | 'other' | 'unsaid' {
  const origin = headers.get('origin')
  if (origin) return origin === ownOrigin(headers) ? 'ours' : 'other'
  const site = headers.get('sec-fetch-site')
  if (!site) return 'unsaid'
  return site === 'same-origin' || site === 'none' ? 'ours' : 'other'
}
