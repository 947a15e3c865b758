/**
 * The admin speaks Vietnamese unless its user chose otherwise. Payload picks the admin language
 * from its `payload-lng` cookie, then the browser's Accept-Language: a newsroom laptop set to
 * English would get English. Without the cookie we set it to Vietnamese; choosing English in the
 * account settings writes the cookie and is respected from then on.
 */
import { type NextRequest, NextResponse } from 'next/server'

const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_LANGUAGE = 'vi'

export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  const headers = new Headers(request.headers)
  const cookie = request.headers.get('cookie')
  headers.set('cookie', `${cookie ? `${cookie}; ` : ''}${LANGUAGE_COOKIE}=${DEFAULT_LANGUAGE}`)
  const response = NextResponse.next({ request: { headers } })
  response.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 })
  return response
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
