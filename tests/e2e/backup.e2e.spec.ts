/**
 * The Sao lưu view (/admin/sao-luu), in a browser against the built server: an admin finds it in
 * the navigation, reads the schedule in Vietnam's time, presses "Sao lưu ngay" and sees the backup
 * appear with its result and size without reloading; the archive is in BACKUP_DIR. Editors have no
 * link to it and are told it is for admins.
 */
import fs from 'node:fs'
import path from 'node:path'

import { appInBrowser, browserAvailable, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

describeInBrowser('the Sao lưu view', () => {
  const suite = appInBrowser({ BACKUP_KEEP: '5' })

  it('an admin backs up now and sees the backup listed as it finishes', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1680, height: 1000 }, timezoneId: 'Asia/Ho_Chi_Minh' }) // wide: the navigation stays open
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.admin)
    await page.locator('#nav-sao-luu').click()
    await page.waitForURL(/\/admin\/sao-luu$/)
    await page.getByRole('heading', { name: 'Sao lưu' }).waitFor()
    expect(await page.locator('.backup-schedule').innerText()).toMatch(
      /^Lịch: 0 2 \* \* \* \(giờ Việt Nam, Asia\/Ho_Chi_Minh\); lần tới: \d\d\/\d\d\/\d{4} 02:00\.$/,
    )
    expect(await page.getByText('giữ 5 bản mới nhất').count()).toBe(1)
    expect(await page.getByText('Chưa có bản sao lưu nào do cổng tạo.').count()).toBe(1)

    await page.waitForLoadState('networkidle')
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click()
    await page.getByRole('status').getByText('Đã bắt đầu sao lưu.').waitFor()
    const row = page.locator('.backup-row--ok')
    await row.waitFor({ timeout: 60_000 })
    const cells = await row.locator('td').allInnerTexts()
    expect(cells[0]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/)
    expect(cells[1]).toMatch(/^Sao lưu ngay \(.+\)$/)
    expect(cells[2]).toBe('Thành công')
    expect(cells[3]).toMatch(/^\d+,\d giây$/)
    expect(cells[4]).toMatch(/^\d+(,\d)? (KB|MB)$/)
    expect(cells[5]).toMatch(/^cong-thong-tin-\d{8}-\d{6}\.tar\.gz$/)
    expect(fs.readdirSync(path.join(suite.app.dir, 'backups'))).toEqual([cells[5]])
    // the button is back once the backup is done
    await page.getByRole('button', { name: 'Sao lưu ngay' }).waitFor()
    expect(await page.getByRole('button', { name: 'Sao lưu ngay' }).isEnabled()).toBe(true)
    await context.close()
  }, 120_000)

  it('an editor has no link to it and is told it is for admins', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1680, height: 1000 } })
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.editor)
    await page.waitForLoadState('networkidle')
    expect(await page.locator('#nav-thong-ke').count()).toBe(1) // the navigation has loaded
    expect(await page.locator('#nav-sao-luu').count()).toBe(0)
    await page.goto(`${suite.app.url}/admin/sao-luu`)
    expect(await page.getByRole('alert').filter({ hasText: 'quản trị viên' }).innerText()).toBe('Chỉ quản trị viên xem và tạo được bản sao lưu.')
    expect(await page.getByRole('button', { name: 'Sao lưu ngay' }).count()).toBe(0)
    await context.close()
  })
})
