/**
 * The audit trail in the admin, in Chromium against the built app: a failed login and a login
 * through the admin's own form are in "Nhật ký thao tác", listed newest first with the time, who,
 * what and on what, filterable by action; the address is a mark, not the address. Editors do not
 * see the trail at all.
 */
import type { Page } from 'playwright-core'

import { formatDateTime } from '../../src/lib/dates'
import { appInBrowser, browserAvailable, logInToAdmin, SAME_ORIGIN_PAGE } from '../helpers/app'

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
    const answer = await page.request.get('/api/audit-log?where[action][in]=login,login-failed&limit=10', { headers: SAME_ORIGIN_PAGE })
    expect(answer.status()).toBe(200)
    const { docs } = (await answer.json()) as { docs: Entry[] }
    expect(docs.length).toBeGreaterThanOrEqual(2)
    for (const entry of docs) {
      expect(entry.addressHash).toMatch(/^[\w-]{22}$/)
      expect(JSON.stringify(entry)).not.toContain('127.0.0.1')
    }
    await context.close()
  })

  it('a schedule set in the admin\'s drawer is in the trail once, as the editor who set it', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1680, height: 1000 }, baseURL: suite.app.url })
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.editor)
    const category = (await (await page.request.get('/api/categories?limit=1&depth=0', { headers: SAME_ORIGIN_PAGE })).json()).docs[0].id
    const made = await page.request.post('/api/articles?draft=true', {
      headers: SAME_ORIGIN_PAGE,
      data: { title: 'Bài hẹn giờ qua ngăn kéo', primaryCategory: category, _status: 'draft' },
    })
    const { id } = (await made.json()).doc as { id: number }

    await page.goto(`/admin/collections/articles/${id}`)
    await page.locator('#field-title').waitFor()
    await page.locator('.doc-controls .btn--withPopup .popup-button').first().click()
    await page.locator('#schedule-publish').click()
    const drawer = page.locator('.schedule-publish')
    await drawer.waitFor()
    // the first day after today the calendar offers (days before today are disabled), at 09:00
    await drawer.locator('.date-time-picker input').click()
    await page.locator('.react-datepicker__day:not(.react-datepicker__day--disabled):not(.react-datepicker__day--today)').first().click()
    await drawer.locator('.date-time-picker input').click()
    const nine = page.locator('.react-datepicker__time-list-item', { hasText: /^09:00$/ })
    await nine.click()
    await drawer.getByRole('button', { name: 'Lưu', exact: true }).click()
    await page.getByText('Đã lên lịch thành công.').waitFor()
    const scheduled = (await (await page.request.get(`/api/articles/${id}/schedule`, { headers: SAME_ORIGIN_PAGE })).json()).scheduled as { at: string }[]
    expect(scheduled).toHaveLength(1)

    const admin = await suite.browser.newContext({ baseURL: suite.app.url })
    const adminPage = await admin.newPage()
    await logInToAdmin(adminPage, suite, suite.app.accounts.admin)
    const answer = await adminPage.request.get(`/api/audit-log?where[action][equals]=schedule&where[targetId][equals]=${id}`, { headers: SAME_ORIGIN_PAGE })
    const { docs } = (await answer.json()) as { docs: Entry[] }
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ actorEmail: suite.app.accounts.editor.email, detail: `Đăng bài lúc ${formatDateTime(scheduled[0]!.at)}` })
    expect(docs[0]!.detail).toMatch(/ 09:00$/)
    await admin.close()
    await context.close()
  })

  it('an editor neither sees nor opens it', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1680, height: 1000 }, baseURL: suite.app.url })
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.editor)
    await page.locator('nav a[href="/admin/collections/articles"]').waitFor()
    expect(await page.locator('nav a[href="/admin/collections/audit-log"]').count()).toBe(0)
    expect((await page.request.get('/api/audit-log', { headers: SAME_ORIGIN_PAGE })).status()).toBe(403)
    await page.goto('/admin/collections/audit-log')
    expect(await page.locator('.table tbody tr').count()).toBe(0)
    await context.close()
  })
})
