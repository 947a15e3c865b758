/**
 * The admin speaks Vietnamese unless its user chose otherwise. Payload picks the admin language
 * from its `payload-lng` cookie, then the browser's Accept-Language: a newsroom laptop set to
 * English would get English. Without the cookie we set it to Vietnamese; choosing English in the
 * account settings writes the cookie and is respected from then on.
 * It also marks a browser with an admin session for the public pages' editor tools.
 */
import { type NextRequest, NextResponse } from 'next/server'

import { EDITOR_HINT_COOKIE } from './lib/editorHint'

const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_LANGUAGE = 'vi'

export function proxy(request: NextRequest) {
  let response: NextResponse
  if (request.cookies.has(LANGUAGE_COOKIE)) {
    response = NextResponse.next()
  } else {
    const headers = new Headers(request.headers)
    const cookie = request.headers.get('cookie')
    headers.set('cookie', `${cookie ? `${cookie}; ` : ''}${LANGUAGE_COOKIE}=${DEFAULT_LANGUAGE}`)
    response = NextResponse.next({ request: { headers } })
    response.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 })
  }
  // The public pages load the editor tools only where this hint is set (see lib/editorHint.ts).
  const hasSession = request.cookies.has('payload-token')
  if (request.nextUrl.pathname.startsWith('/admin/logout')) {
    response.cookies.delete(EDITOR_HINT_COOKIE)
  } else if (hasSession && !request.cookies.has(EDITOR_HINT_COOKIE)) {
    response.cookies.set(EDITOR_HINT_COOKIE, '1', { path: '/', sameSite: 'lax' })
  }
  return response
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
