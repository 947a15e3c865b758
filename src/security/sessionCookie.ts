/**
 * The session cookie acts only for pages of this site (CSRF). Payload checks a cookie's request
 * against its `csrf` list, but only when the list is not empty: without SERVER_URL it would take the
 * cookie from any Origin, and with it, it still accepts Sec-Fetch-Site: same-site (a sibling host).
 * So the JWT strategy is given the cookie only when the request is `ours` (src/security/origin.ts);
 * otherwise it goes on as if logged out, and a write is refused by access control with 403.
 * A token in the Authorization header is untouched: no other site can make a browser send one.
 */
import type { AuthStrategy, Payload } from 'payload'

import { configuredOrigin, requestSource } from './origin'

/** Payload's `csrf` and `cors`: SERVER_URL's origin alone, or none (then our check stands alone). */
export function allowedOrigins(): string[] {
  const origin = configuredOrigin()
  return origin ? [origin] : []
}

/** Payload's session cookie settings: Secure when SERVER_URL is https. (HttpOnly it always is.) */
export function sessionCookieSettings() {
  return { secure: configuredOrigin()?.startsWith('https:') ?? false, sameSite: 'Lax' as const }
}

/** The headers without the named cookie. */
export function withoutCookie(headers: Headers, name: string): Headers {
  const stripped = new Headers(headers)
  const rest = (headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && part.split('=')[0] !== name)
  if (rest.length) stripped.set('cookie', rest.join('; '))
  else stripped.delete('cookie')
  return stripped
}

/** Wraps Payload's own JWT strategy (run from onInit, after Payload has built its strategies). */
export function guardSessionCookie(payload: Payload): void {
  const name = `${payload.config.cookiePrefix}-token`
  for (const strategy of payload.authStrategies) {
    if (strategy.name !== 'local-jwt') continue
    const authenticate: AuthStrategy['authenticate'] = strategy.authenticate
    strategy.authenticate = (args) => {
      const carriesSession = (args.headers.get('cookie') ?? '').includes(`${name}=`)
      if (!carriesSession || requestSource(args.headers) === 'ours') return authenticate(args)
      return authenticate({ ...args, headers: withoutCookie(args.headers, name) })
    }
  }
}
