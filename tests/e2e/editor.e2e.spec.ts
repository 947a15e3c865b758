/** Editors on the public portal: the admin bar, draft preview and the keep-alive prompt. */
import type { BrowserContext } from 'playwright-core'

import { appInBrowser, browserAvailable, type BrowserSuite, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

const FLAGSHIP = '/bai-viet/thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so'
const DRAFT_SLUG = 'ban-nhap-ke-hoach-chuyen-doi-so-cap-xa'
// A short session, so that the prompt's last minute comes quickly.
const SESSION_SECONDS = 66


async function loggedInEditor(suite: BrowserSuite): Promise<BrowserContext> {
  const context = await suite.browser.newContext()
  const page = await context.newPage()
  await logInToAdmin(page, suite, suite.app.accounts.editor)
  await page.close()
  return context
}

describeInBrowser('editors on the portal', () => {
  const suite = appInBrowser({ SESSION_SECONDS: String(SESSION_SECONDS) })

  it('a reader gets the page without Next’s client runtime: no script but the portal’s, no admin bar, no session request', async () => {
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(new URL(request.url()).pathname))
    await page.goto(`${suite.app.url}${FLAGSHIP}`)
    await page.waitForLoadState('networkidle')
    expect(await page.locator('.admin-bar').count()).toBe(0)
    expect(requests).not.toContain('/api/users/me')
    expect(requests.filter((path) => path.endsWith('.js'))).toEqual(['/portal.js'])
    expect(await page.evaluate(() => '__next_f' in window || 'next' in window)).toBe(false)
    // what the script does works without the runtime: the hit was sent, the stars are ready
    expect(requests).toContain('/api/stats/hit')
    await page.locator('.rating[data-ready]').waitFor()
    await context.close()
  })

  it('an editor’s page keeps Next’s runtime: a client-side navigation sends its own hit and sets up the new page’s stars', async () => {
    const context = await loggedInEditor(suite)
    const page = await context.newPage()
    const hits: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/stats/hit')) hits.push(JSON.parse(request.postData() ?? '{}').path)
    })
    await page.goto(`${suite.app.url}/`)
    await page.waitForFunction(() => '__next_f' in window && 'next' in window)
    await page.waitForFunction(() => document.querySelector('a[href$="/bai-viet/thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so"]'))
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))
    const hit = page.waitForRequest((request) => request.url().endsWith('/api/stats/hit') && request.postData()?.includes('bai-viet') === true)
    await page.locator(`a[href="${FLAGSHIP}"]`).first().click()
    await hit
    await page.locator('.rating[data-ready]').waitFor()
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true) // no page load
    expect(hits).toEqual(['/', FLAGSHIP])
    await context.close()
  })

  it('an editor sees the admin bar with a link to edit this article', async () => {
    const context = await loggedInEditor(suite)
    const page = await context.newPage()
    await page.goto(`${suite.app.url}${FLAGSHIP}`)
    const edit = page.locator('.admin-bar a', { hasText: 'bài viết' }).first()
    await edit.waitFor()
    const id = await page.locator('[data-article-id]').getAttribute('data-article-id')
    expect(await edit.getAttribute('href')).toBe(`/admin/collections/articles/${id}`)
    await context.close()
  })

  it('an editor previews an unpublished draft; the public still gets 404', async () => {
    const context = await loggedInEditor(suite)
    const page = await context.newPage()
    await page.goto(`${suite.app.url}/api/preview?slug=${DRAFT_SLUG}&locale=vi`)
    await page.waitForURL(new RegExp(`/bai-viet/${DRAFT_SLUG}$`))
    expect(await page.locator('h1').innerText()).toMatch(/bản nháp/)
    expect(await page.locator('.preview-banner').innerText()).toMatch(/Bản xem trước/)
    await context.close()

    const anonymous = await fetch(`${suite.app.url}/api/preview?slug=${DRAFT_SLUG}&locale=vi`, { redirect: 'manual' })
    expect(anonymous.status).toBe(403)
    const publicView = await fetch(`${suite.app.url}/bai-viet/${DRAFT_SLUG}`)
    expect(publicView.status).toBe(404)
  })

  it(
    'near the end of the session the prompt counts down 60 s; a click keeps the session, reaching 0 logs out',
    async () => {
      const context = await loggedInEditor(suite)
      const page = await context.newPage()
      await page.goto(`${suite.app.url}${FLAGSHIP}`)
      const prompt = page.locator('.session-prompt button')
      await prompt.waitFor({ timeout: 20_000 })
      expect(await prompt.innerText()).toMatch(
        /^Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập\. Thời gian chờ: (60|59|58|57) giây$/,
      )
      const first = Number((await prompt.innerText()).match(/(\d+) giây/)![1])
      await page.waitForTimeout(2200)
      expect(Number((await prompt.innerText()).match(/(\d+) giây/)![1])).toBeLessThan(first)

      await prompt.click()
      await prompt.waitFor({ state: 'detached' })
      const me = await page.evaluate(() => fetch('/api/users/me').then((r) => r.json()))
      expect(me.user?.email).toBe(suite.app.accounts.editor.email)
      expect(me.exp * 1000 - Date.now()).toBeGreaterThan(60_000)

      // this time, let it run out
      await prompt.waitFor({ timeout: 20_000 })
      await page.locator('.admin-bar').waitFor({ state: 'detached', timeout: 75_000 })
      const after = await page.evaluate(() => fetch('/api/users/me').then((r) => r.json()))
      expect(after.user).toBeNull()
      await context.close()
    },
    180_000,
  )
})
