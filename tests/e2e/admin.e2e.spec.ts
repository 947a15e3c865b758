/** The newsroom's admin in a real browser. */

import { appInBrowser, browserAvailable, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip


describeInBrowser('the admin', () => {
  const suite = appInBrowser()

  it('speaks Vietnamese even to a browser set to English', async () => {
    const context = await suite.browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${suite.app.url}/admin`)
    await page.waitForURL(/\/admin\/login/)
    expect(await page.getByRole('button', { name: 'Đăng nhập' }).count()).toBe(1)
    await context.close()
  })

  it('lets an editor log in and see the newsroom’s collections in Vietnamese', async () => {
    const context = await suite.browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.editor)
    await page.goto(`${suite.app.url}/admin/collections/ratings`)
    await page.getByRole('heading', { name: 'Đánh giá' }).waitFor()
    await page.getByRole('button', { name: 'Tính lại điểm từ các lượt đánh giá' }).click()
    await page.getByRole('status').filter({ hasText: 'Đã tính lại điểm' }).waitFor()
    await context.close()
  })
})
