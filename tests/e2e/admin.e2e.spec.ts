/** The newsroom's admin in a real browser. */
import { type Browser, chromium } from 'playwright-core'

import { browserAvailable, CHROMIUM, CHROMIUM_ARGS, type RunningApp, startApp } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

let app: RunningApp
let browser: Browser

describeInBrowser('the admin', () => {
  beforeAll(async () => {
    app = await startApp()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('speaks Vietnamese even to a browser set to English', async () => {
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${app.url}/admin`)
    await page.waitForURL(/\/admin\/login/)
    expect(await page.getByRole('button', { name: 'Đăng nhập' }).count()).toBe(1)
    await context.close()
  })

  it('lets an editor log in and see the newsroom’s collections in Vietnamese', async () => {
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${app.url}/admin/login`)
    await page.fill('#field-email', app.accounts.editor.email)
    await page.fill('#field-password', app.accounts.editor.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL(/\/admin$/)
    await page.goto(`${app.url}/admin/collections/ratings`)
    await page.getByRole('heading', { name: 'Đánh giá' }).waitFor()
    await page.getByRole('button', { name: 'Tính lại điểm từ các lượt đánh giá' }).click()
    await page.getByRole('status').filter({ hasText: 'Đã tính lại điểm' }).waitFor()
    await context.close()
  })
})
