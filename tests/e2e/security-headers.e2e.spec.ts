/**
 * Security headers and the Content-Security-Policy, on the built server: the headers of each kind
 * of response, every public page type and the main admin screens in Chromium with zero CSP
 * violations (for a reader, for a logged-in editor), and a frame from another site refused.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { BrowserContext, Page } from 'playwright-core'

import { appInBrowser, browserAvailable, type BrowserSuite, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

const ARTICLE = '/bai-viet/thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so'
const READER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'self'; sandbox"
const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
}

/** What the browser reported against the page's CSP while it was open: events and console errors. */
async function violationsWhile(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const seen: string[] = []
  const onConsole = (message: import('playwright-core').ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(`console: ${message.text()}`)
  }
  page.on('console', onConsole)
  await visit()
  // the portal's script and Next's runtime have run (the hit sent, hydration done) by then; a draft
  // preview keeps a request open (the editor's session check), so not idle for long
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {})
  await page.waitForTimeout(300)
  for (const frame of page.frames()) {
    seen.push(...(await frame.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []).catch(() => [])))
  }
  page.off('console', onConsole)
  return seen
}

/** A browser context recording `securitypolicyviolation` events in every document it opens. */
async function recordingContext(suite: BrowserSuite): Promise<BrowserContext> {
  const context = await suite.browser.newContext()
  await context.addInitScript(() => {
    const list: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = [])
    document.addEventListener('securitypolicyviolation', (event) =>
      list.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI} (${event.sample})`),
    )
  })
  return context
}

describeInBrowser('security headers and the content security policy', () => {
  const suite = appInBrowser()
  const pages: Record<string, string> = {}

  beforeAll(async () => {
    // the page types, by links the portal itself shows
    const article = await (await fetch(`${suite.app.url}${ARTICLE}`)).text()
    const first = (pattern: RegExp) => pattern.exec(article)?.[1] ?? null
    Object.assign(pages, {
      home: '/',
      category: first(/href="(\/chuyen-muc\/[\w-]+)"/),
      article: ARTICLE,
      author: '/tac-gia/minh-chau',
      tag: first(/href="(\/the\/[\w%-]+)"/),
      search: '/tim-kiem?q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91',
      'not found': '/khong-co-trang-nay',
      'English home': '/en',
      'English article': first(/href="(\/en\/bai-viet\/[\w-]+)"/),
    })
  })

  it('every response carries nosniff, the referrer and permissions policies and X-Frame-Options; no HSTS over http', async () => {
    const home = await (await fetch(`${suite.app.url}/`)).text()
    const script = /<script async="" src="(\/portal\.js\?v=\w+)"/.exec(home)![1]
    const images = (await (await fetch(`${suite.app.url}/api/images?limit=1&depth=0`)).json()) as { docs: { url: string }[] }
    const media = images.docs[0].url
    expect(media).toMatch(/^\/api\/images\/file\//)
    for (const path of ['/', ARTICLE, '/khong-co-trang-nay', '/admin/login', '/api/articles?limit=1', '/api/khong-co', media, script, '/%E0%A4%A', '/robots.txt']) {
      const response = await fetch(`${suite.app.url}${path}`, { redirect: 'manual' })
      for (const [name, value] of Object.entries(COMMON)) expect([path, name, response.headers.get(name)]).toEqual([path, name, value])
      expect([path, response.headers.get('permissions-policy')]).toEqual([path, expect.stringMatching(/camera=\(\).*geolocation=\(\).*microphone=\(\)/)])
      expect([path, response.headers.get('strict-transport-security')]).toEqual([path, null])
      expect([path, response.headers.get('content-security-policy')]).toEqual([path, expect.stringContaining("frame-ancestors 'self'")])
      await response.arrayBuffer()
    }
  })

  it('each kind of response has its CSP: a reader’s page the strict one, a 404 shell Next’s scripts by hash, the admin a nonce, the rest runs nothing', async () => {
    const csp = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${suite.app.url}${path}`, init)
      await response.arrayBuffer()
      return { status: response.status, csp: response.headers.get('content-security-policy') }
    }
    // twice: rendered, then from the page bytes
    for (let i = 0; i < 2; i++) {
      expect(await csp('/')).toEqual({ status: 200, csp: READER_CSP })
      expect(await csp(ARTICLE)).toEqual({ status: 200, csp: READER_CSP })
      expect(await csp('/khong-co-trang-nay')).toEqual({ status: 404, csp: expect.stringMatching(/^default-src 'self'; script-src 'self'( 'sha256-[\w+/]+=')+; style-src/) })
    }
    const admin = [await csp('/admin/login'), await csp('/admin/login')]
    for (const answer of admin) expect(answer).toEqual({ status: 200, csp: expect.stringMatching(/^default-src 'self'; script-src 'self' 'nonce-[\w+/]+=*'; /) })
    expect(admin[0].csp).not.toBe(admin[1].csp)
    expect(await csp('/api/articles?limit=1')).toEqual({ status: 200, csp: RESOURCE_CSP })
    expect(await csp('/api/khong-co')).toEqual({ status: 404, csp: RESOURCE_CSP })
    // a CSP header sent by the client is never the nonce Next writes into a shared page
    const chosen = await fetch(`${suite.app.url}/chuyen-muc/thoi-su`, { headers: { 'content-security-policy': "script-src 'nonce-chosen'" } })
    expect(await chosen.text()).not.toContain('chosen')
    expect(chosen.headers.get('content-security-policy')).toBe(READER_CSP)
  })

  it('a reader sees every public page type with no CSP violation, and no inline script but JSON-LD data', async () => {
    const context = await recordingContext(suite)
    const page = await context.newPage()
    for (const [type, path] of Object.entries(pages)) {
      expect([type, path]).toEqual([type, expect.stringMatching(/^\//)])
      let status = 0
      const violations = await violationsWhile(page, async () => {
        status = (await page.goto(`${suite.app.url}${path}`))!.status()
      })
      expect({ type, status, violations }).toEqual({ type, status: type === 'not found' ? 404 : 200, violations: [] })
      const inline = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((s) => s.getAttribute('type')))
      if (type !== 'not found') expect({ type, inline }).toEqual({ type, inline: inline.map(() => 'application/ld+json') })
    }
    // the 404 shell, rendered in the browser by Next's scripts allowed by their hashes
    await page.goto(`${suite.app.url}/khong-co-trang-nay`)
    await page.getByText('Không tìm thấy', { exact: false }).first().waitFor()
    await context.close()
  })

  it('a logged-in editor sees every public page type with Next’s runtime running and no CSP violation', async () => {
    const context = await recordingContext(suite)
    const login = await context.newPage()
    await logInToAdmin(login, suite, suite.app.accounts.editor)
    await login.close()
    const page = await context.newPage()
    for (const [type, path] of Object.entries(pages)) {
      const violations = await violationsWhile(page, async () => {
        await page.goto(`${suite.app.url}${path}`)
      })
      const running = await page.evaluate(() => '__next_f' in window && 'next' in window)
      expect({ type, running, violations }).toEqual({ type, running: true, violations: [] })
    }
    // a draft in preview: rendered for this request (draft mode), its scripts allowed the same way
    const preview = await violationsWhile(page, async () => {
      await page.goto(`${suite.app.url}/api/preview?slug=ban-nhap-ke-hoach-chuyen-doi-so-cap-xa&locale=vi`)
      await page.locator('.preview-banner').waitFor()
    })
    expect(preview).toEqual([])
    // the admin bar, drawn by Next's runtime, is there
    await page.goto(`${suite.app.url}${ARTICLE}`)
    await page.locator('.admin-bar').waitFor()
    await context.close()
  })

  it('the admin’s main screens work under its CSP with no violation', async () => {
    const context = await recordingContext(suite)
    const page = await context.newPage()
    const seen: Record<string, string[]> = {}
    seen.login = await violationsWhile(page, async () => {
      await page.goto(`${suite.app.url}/admin/login`)
      await page.locator('#field-email').waitFor()
    })
    seen['logging in'] = await violationsWhile(page, () => logInToAdmin(page, suite, suite.app.accounts.admin))
    const screens: [string, string, string][] = [
      ['dashboard', '/admin', '.dashboard'],
      ['articles', '/admin/collections/articles', '.table'],
      ['statistics', '/admin/thong-ke', '.template-default'],
      ['review queue', '/admin/cho-duyet', '.template-default'],
      ['account', '/admin/account', '#field-email'],
    ]
    for (const [name, path, ready] of screens) {
      seen[name] = await violationsWhile(page, async () => {
        await page.goto(`${suite.app.url}${path}`)
        await page.locator(ready).first().waitFor()
      })
    }
    seen['article edit'] = await violationsWhile(page, async () => {
      await page.goto(`${suite.app.url}/admin/collections/articles`)
      // a link clicked before the list's script has run is lost on a loaded machine
      await page.waitForLoadState('networkidle')
      await page.locator('.table tbody tr a').first().click()
      await page.waitForURL(/\/collections\/articles\/\d+/)
      await page.locator('#field-title').waitFor()
    })
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, []])))
    await context.close()
  })

  describe('clickjacking', () => {
    let other: Server
    let otherUrl: string

    beforeAll(async () => {
      // another site (another origin: another port) framing the portal and its admin login
      other = createServer((req, res) => {
        const target = new URL(req.url ?? '/', 'http://x').searchParams.get('frame') ?? '/'
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(`<!doctype html><title>Trang khác</title><iframe name="portal" src="${suite.app.url}${target}" width="800" height="600"></iframe>`)
      })
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
      otherUrl = `http://localhost:${(other.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise((resolve) => other.close(resolve)))

    for (const target of ['/', ARTICLE, '/admin/login']) {
      it(`another site cannot frame ${target}`, async () => {
        const context = await suite.browser.newContext()
        const page = await context.newPage()
        const refused: string[] = []
        page.on('console', (message) => {
          if (/frame-ancestors/.test(message.text())) refused.push(message.text())
        })
        const framed = page.waitForResponse((response) => response.url() === `${suite.app.url}${target}`)
        await page.goto(`${otherUrl}/?frame=${encodeURIComponent(target)}`)
        await framed
        await page.waitForTimeout(500)
        const frame = page.frame({ name: 'portal' })!
        // the frame shows Chromium's error page, not the portal
        expect(frame.url()).not.toBe(`${suite.app.url}${target}`)
        expect(await frame.locator('#field-email, .site-main').count()).toBe(0)
        expect(refused).toEqual([expect.stringContaining(`"frame-ancestors 'self'"`)])
        await context.close()
      })
    }
  })
})
