/**
 * The audit trail in the admin, in Chromium against the built app: a failed login and a login
 * through the admin's own form are in "Nhật ký thao tác", listed newest first with the time, who,
 * what and on what, filterable by action; the address is a mark, not the address. Editors do not
 * see the trail at all.
 */
import type { Page } from 'playwright-core'

import { appInBrowser, browserAvailable, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

type Entry = { action: string; actorEmail: string | null; addressHash: string | null; detail: string | null }

const headings = (page: Page) => page.locator('.table thead th').allInnerTexts()
const column = (page: Page, field: string) => page.locator(`.table tbody td.cell-${field}`).allInnerTexts()

describeInBrowser('Nhật ký thao tác in the admin', () => {
  const suite = appInBrowser()

  it('an admin finds a failed login and their login, newest first, and filters by action', async () => {
    const { admin } = suite.app.accounts
    const context = await suite.browser.newContext({ viewport: { width: 1680, height: 1000 }, baseURL: suite.app.url })
    const page = await context.newPage()

    // a wrong password first, in the admin's own form
    await page.goto('/admin/login')
    await page.fill('#field-email', admin.email)
    await page.fill('#field-password', 'not-the-password')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByText('Email hoặc mật khẩu không chính xác').first().waitFor()
    await logInToAdmin(page, suite, admin)

    // in the navigation, with the system's collections
    const link = page.locator('nav a[href="/admin/collections/audit-log"]')
    await link.waitFor()
    expect(await link.innerText()).toBe('Nhật ký thao tác')

    await page.goto('/admin/collections/audit-log')
    await page.locator('.table tbody tr').first().waitFor()
    expect((await headings(page)).map((text) => text.trim()).filter(Boolean)).toEqual(['Thời gian', 'Người thực hiện', 'Thao tác', 'Đối tượng', 'Tên đối tượng', 'Chi tiết'])
    const actions = await column(page, 'action')
    expect(actions.slice(0, 2)).toEqual(['Đăng nhập', 'Đăng nhập thất bại'])
    expect((await column(page, 'at'))[0]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/)
    // append-only: no way to add an entry
    expect(await page.getByRole('link', { name: 'Tạo mới' }).count()).toBe(0)

    await page.goto('/admin/collections/audit-log?where[action][equals]=login-failed')
    await page.locator('.table tbody tr').first().waitFor()
    expect(new Set(await column(page, 'action'))).toEqual(new Set(['Đăng nhập thất bại']))
    expect((await column(page, 'detail'))[0]).toBe('Sai mật khẩu')

    // the address the server saw (127.0.0.1) is kept only as a keyed mark
    const answer = await page.request.get('/api/audit-log?where[action][in]=login,login-failed&limit=10')
    expect(answer.status()).toBe(200)
    const { docs } = (await answer.json()) as { docs: Entry[] }
    expect(docs.length).toBeGreaterThanOrEqual(2)
    for (const entry of docs) {
      expect(entry.addressHash).toMatch(/^[\w-]{22}$/)
      expect(JSON.stringify(entry)).not.toContain('127.0.0.1')
    }
    await context.close()
  })

  it('an editor neither sees nor opens it', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1680, height: 1000 }, baseURL: suite.app.url })
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.editor)
    await page.locator('nav a[href="/admin/collections/articles"]').waitFor()
    expect(await page.locator('nav a[href="/admin/collections/audit-log"]').count()).toBe(0)
    expect((await page.request.get('/api/audit-log')).status()).toBe(403)
    await page.goto('/admin/collections/audit-log')
    expect(await page.locator('.table tbody tr').count()).toBe(0)
    await context.close()
  })
})
