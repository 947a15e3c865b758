/** One's own account page in a real browser: a new password needs the current one. */

import type { Page } from 'playwright-core'

import { appInBrowser, browserAvailable, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

describeInBrowser('my account page', () => {
  const suite = appInBrowser()

  const canLogIn = async (email: string, password: string) =>
    (
      await fetch(`${suite.app.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    ).status === 200

  /**
   * Types into a field key by key, as a person does, and waits for the form's state to follow.
   * (Filled in one go right after the fields opened, the form kept the "required" Payload marks
   * them with when "Đổi mật khẩu" opens them, and refused to save: "Xin hãy sửa lại những fields
   * không hợp lệ.")
   */
  async function type(page: Page, selector: string, value: string) {
    await page.locator(selector).clear()
    await page.locator(selector).pressSequentially(value, { delay: 15 })
    // the field keeps what was typed (a field drawn again meanwhile would have lost it) and the
    // form state it sends has come back
    await page.waitForFunction(([sel, text]) => (document.querySelector(sel) as HTMLInputElement | null)?.value === text, [selector, value] as const)
    await page.waitForLoadState('networkidle')
  }

  it('changes the password only with "Mật khẩu hiện tại", and says so in Vietnamese without it', async () => {
    const account = suite.app.accounts.reporter
    const context = await suite.browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await logInToAdmin(page, suite, account)
    await page.goto(`${suite.app.url}/admin/account`)
    const current = page.locator('#field-currentPassword')
    await current.waitFor()
    // the form is drawn on the server: typed into before its script has run, it sends no form state
    await page.waitForLoadState('networkidle')
    expect(await current.getAttribute('type')).toBe('password')
    expect(await current.getAttribute('autocomplete')).toBe('current-password')
    expect(await page.locator('label[for="field-currentPassword"]').innerText()).toBe('Mật khẩu hiện tại')
    expect(await page.getByText('Cần khi đổi e-mail hoặc mật khẩu của chính bạn.').count()).toBe(1)

    const newPassword = 'hoa-sen-no-giua-dam-2026'
    /**
     * Opens the new-password fields and fills them after the pause a person takes. Typed at once
     * (well under a second, sending no request meanwhile), the fields kept the "required" Payload
     * marks them with on opening and the save was refused in the browser: "Xin hãy sửa lại những
     * fields không hợp lệ." A person does not type that fast; the browser test waits as one would.
     */
    const typeNewPassword = async () => {
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
      await page.locator('#field-password').waitFor()
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(2000)
      await type(page, '#field-password', newPassword)
      await type(page, '#field-confirm-password', newPassword)
    }
    await typeNewPassword()
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.getByText('Nhập mật khẩu hiện tại để đổi e-mail hoặc mật khẩu.').first().waitFor()
    expect(await canLogIn(account.email, account.password)).toBe(true)
    expect(await canLogIn(account.email, newPassword)).toBe(false)

    // a refused save closes the new-password fields again (Payload's account form): opened anew
    await type(page, '#field-currentPassword', account.password)
    if (!(await page.locator('#field-password').isVisible())) await typeNewPassword()
    // the save's answer carries the message the toast shows; the toast itself may be gone again
    // before a loaded machine looks for it (the saved password ends the other sessions)
    const saved = page.waitForResponse((r) => ['PATCH', 'POST'].includes(r.request().method()) && /^\/api\/users\/\d+/.test(new URL(r.url()).pathname))
    await page.getByRole('button', { name: 'Lưu' }).click()
    const answer = await saved
    expect(answer.status()).toBe(200)
    expect(((await answer.json()) as { message?: string }).message).toBe('Cập nhật thành công.')
    expect(await canLogIn(account.email, newPassword)).toBe(true)
    expect(await canLogIn(account.email, account.password)).toBe(false)
    await context.close()
  })
})
