/**
 * Another site, in a real browser, against the built app: while the editor is logged in, a page
 * of the attacker's posts forms to the portal. It must neither publish nor change an article, nor
 * cast a vote. Two attackers: http://evil.test (another site: Chromium's host-resolver rules send
 * it to 127.0.0.1) and another port of the portal's own host, a sibling origin of the same site,
 * to which SameSite=Lax cookies go, so only the server's Origin check stands in the way.
 */
import http from 'node:http'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { paragraph, richText } from '../../src/seed/lexical'
import { CHROMIUM, CHROMIUM_ARGS, browserAvailable, freePort, logInToAdmin, type RunningApp, startApp } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

const ARTICLE_SLUG = 'thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so'
const FORGED_TITLE = 'Tin giả đăng từ trang khác'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The attacker's pages, by path; each acts on load, without a click. */
function attackerPages(app: string, ids: { category: number; article: number }): Record<string, string> {
  const forged = { title: FORGED_TITLE, lead: 'Sapo giả.', body: richText([paragraph('Nội dung giả.')]), byline: 'Kẻ gian', primaryCategory: ids.category, _status: 'published' }
  const page = (body: string) => `<!doctype html><meta charset="utf-8"><title>Trang khác</title><body>${body}</body>`
  return {
    '/publish': page(
      `<form id="f" method="post" enctype="multipart/form-data" action="${app}/api/articles">` +
        `<input type="hidden" name="_payload" value="${escapeHtml(JSON.stringify(forged))}"></form>` +
        '<script>document.getElementById("f").submit()</script>',
    ),
    '/update': page(
      `<script>fetch(${JSON.stringify(`${app}/api/articles/${ids.article}`)}, { method: 'PATCH', credentials: 'include',` +
        ` headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: ${JSON.stringify(FORGED_TITLE)} }) })` +
        '.then(() => (document.title = "xong"), () => (document.title = "xong"))</script>',
    ),
    '/vote-form': page(
      `<form id="f" method="post" action="${app}/api/articles/${ids.article}/rating"><input type="hidden" name="score" value="5"></form>` +
        '<script>document.getElementById("f").submit()</script>',
    ),
    '/vote-text': page(
      `<script>fetch(${JSON.stringify(`${app}/api/articles/${ids.article}/rating`)}, { method: 'POST', mode: 'no-cors',` +
        ` credentials: 'include', body: '{"score":5}' }).then(() => (document.title = "xong"), () => (document.title = "xong"))</script>`,
    ),
  }
}

describeInBrowser('a page on another site, while the editor is logged in', () => {
  let app: RunningApp
  let browser: Browser
  let attacker: http.Server
  let attackerPort: number
  let token: string
  let ids: { category: number; article: number }
  let context: BrowserContext
  let editorPage: Page

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${app.url}/api${path}`, { ...init, headers: { authorization: `JWT ${token}`, ...init.headers } })
    return (await response.json()) as T
  }
  const forgedCount = async () =>
    (await api<{ totalDocs: number }>(`/articles?where[title][equals]=${encodeURIComponent(FORGED_TITLE)}&draft=true&limit=0`)).totalDocs
  const votes = async () => (await api<{ count: number }>(`/articles/${ids.article}/rating`)).count
  const articleTitle = async () => (await api<{ title: string }>(`/articles/${ids.article}?depth=0&draft=true`)).title

  beforeAll(async () => {
    const { chromium } = await import('playwright-core')
    app = await startApp()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP evil.test 127.0.0.1'] })
    const login = await fetch(`${app.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(app.accounts.editor),
    })
    token = ((await login.json()) as { token: string }).token
    const category = (await api<{ docs: { id: number }[] }>('/categories?limit=1&depth=0')).docs[0].id
    const article = (await api<{ docs: { id: number }[] }>(`/articles?where[slug][equals]=${ARTICLE_SLUG}&depth=0&limit=1`)).docs[0].id
    ids = { category, article }
    const pages = attackerPages(app.url, ids)
    attackerPort = await freePort()
    attacker = http.createServer((req, res) => {
      const body = pages[new URL(req.url ?? '/', 'http://x').pathname]
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '')
    })
    await new Promise<void>((resolve) => attacker.listen(attackerPort, '127.0.0.1', resolve))
    context = await browser.newContext()
    editorPage = await context.newPage()
    editorPage.setDefaultTimeout(20_000)
    await logInToAdmin(editorPage, { app, browser }, app.accounts.editor)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => attacker?.close(resolve))
    await app?.stop()
  })

  const ATTACKERS = ['another site (evil.test)', 'a sibling origin (the same host, another port)']
  const originOf = (attacker: string) => (attacker === ATTACKERS[0] ? `http://evil.test:${attackerPort}` : `http://127.0.0.1:${attackerPort}`)

  /** Opens an attacker page in the editor's browser and waits for the request it makes to the portal. */
  async function visit(origin: string, path: string, request: (url: string, method: string) => boolean) {
    const page = await context.newPage()
    const answered = page.waitForResponse((response) => request(response.url(), response.request().method()))
    // the page leaves itself at once (the form posts): that navigation is the point
    await page.goto(`${origin}${path}`).catch(() => {})
    const response = await answered
    await page.close()
    return response.status()
  }

  it('the editor’s session is live in that browser (the attack would have rights)', async () => {
    const me = await editorPage.evaluate(async () => (await (await fetch('/api/users/me')).json()).user?.roles)
    expect(me).toEqual(['editor'])
  })

  it.each(ATTACKERS)('a form that would publish an article is refused with 403, from %s', async (attacker) => {
    const origin = originOf(attacker)
    const before = await forgedCount()
    const status = await visit(origin, '/publish', (url, method) => method === 'POST' && url === `${app.url}/api/articles`)
    expect(status).toBe(403)
    expect(await forgedCount()).toBe(before)
    expect(before).toBe(0)
  })

  it.each(ATTACKERS)('a script that would change an article gets nothing done, from %s', async (attacker) => {
    const origin = originOf(attacker)
    const title = await articleTitle()
    const page = await context.newPage()
    await page.goto(`${origin}/update`)
    await page.waitForFunction(() => document.title === 'xong')
    await page.close()
    expect(await articleTitle()).toBe(title)
  })

  it.each(ATTACKERS)('a form that would vote is refused with 403, from %s', async (attacker) => {
    const origin = originOf(attacker)
    const before = await votes()
    const status = await visit(origin, '/vote-form', (url, method) => method === 'POST' && url.endsWith(`/api/articles/${ids.article}/rating`))
    expect(status).toBe(403)
    expect(await votes()).toBe(before)
  })

  it.each(ATTACKERS)('a text/plain post that would vote is refused with 403, from %s', async (attacker) => {
    const origin = originOf(attacker)
    const before = await votes()
    const status = await visit(origin, '/vote-text', (url, method) => method === 'POST' && url.endsWith(`/api/articles/${ids.article}/rating`))
    // opaque to the page (no-cors); the browser still records what the server answered
    expect(status).toBe(403)
    expect(await votes()).toBe(before)
  })

  it('the editor still publishes from the portal’s own admin (same origin)', async () => {
    const created = await editorPage.evaluate(async (data) => {
      const response = await fetch('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) })
      return response.status
    }, { title: 'Bài đăng từ chính trang quản trị', lead: 'Sapo.', body: richText([paragraph('Nội dung.')]), byline: 'Ban biên tập', primaryCategory: ids.category })
    expect(created).toBe(201)
  })

  it.each(['/%5Cevil.example', '/%09/evil.example', '/%5C%5Cevil.example', '/%2F%2Fevil.example'])(
    'leaving preview with path=%s stays on the portal',
    async (path) => {
      const response = await fetch(`${app.url}/api/preview/exit?path=${path}`, { redirect: 'manual' })
      expect(response.status).toBe(307)
      expect(new URL(response.headers.get('location')!, app.url).origin).toBe(app.url)
      const page = await context.newPage()
      await page.goto(`${app.url}/api/preview/exit?path=${path}`).catch(() => {})
      expect(new URL(page.url()).origin).toBe(app.url)
      await page.close()
    },
  )

  it('“Quên mật khẩu” on the demo (no SMTP_URL): the server prints the mail, whose link opens the reset page and completes the reset', async () => {
    const { email } = app.accounts.reporter
    const asked = await fetch(`${app.url}/api/users/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    })
    expect(asked.status).toBe(200)
    let link: RegExpMatchArray | null = null
    for (let i = 0; i < 40 && !link; i += 1) {
      link = app.output().match(/(http:\/\/[^\s"<>\\]+)\/admin\/reset\/([0-9a-f]{40})/)
      if (!link) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(link?.[1]).toBe(app.url)
    expect(app.output()).toContain('Đặt lại mật khẩu – Cổng thông tin')
    expect(app.output()).toContain(email)

    const page = await (await browser.newContext()).newPage()
    const opened = await page.goto(link![0])
    expect(opened?.status()).toBe(200)
    await page.close()

    const password = 'Mật khẩu mới của phóng viên, đủ dài 2026!'
    const reset = await fetch(`${app.url}/api/users/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link![2], password }),
    })
    expect(reset.status).toBe(200)
    const login = await fetch(`${app.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    expect(login.status).toBe(200)
  })
})
