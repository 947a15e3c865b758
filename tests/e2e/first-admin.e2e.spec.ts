/**
 * A portal started with no account (SEED_DEMO=false, as the Docker image is): the first visitor
 * cannot make themselves admin; the admin's first screen says how the operator makes the first
 * account, and that account, made with `npm run create-admin`, logs in.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'

import { appInBrowser, browserAvailable, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

describeInBrowser('a portal with no account', () => {
  const suite = appInBrowser({ SEED_DEMO: 'false' })

  it('serves its pages before anyone fills in the agency’s details: the home page 200, an unknown page 404, never a 500', async () => {
    const home = await fetch(`${suite.app.url}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('site-footer')
    expect((await fetch(`${suite.app.url}/khong-co-trang-nay`)).status).toBe(404)
  })

  it('shows how to create the first admin instead of a form, refuses first-register, and lets the admin made on the server log in', async () => {
    const context = await suite.browser.newContext({ locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(`${suite.app.url}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    await page.getByRole('heading', { name: 'Chưa có tài khoản nào' }).waitFor()
    const text = await page.locator('.first-admin').innerText()
    expect(text).toContain('npm run create-admin -- email@co-quan.gov.vn --name "Họ và tên"')
    expect(text).toContain('docker compose exec app1 npm run create-admin -- email@co-quan.gov.vn --name "Họ và tên"')
    expect(await page.locator('input[type="password"]').count()).toBe(0)

    const register = await page.request.post(`${suite.app.url}/api/users/first-register`, {
      data: { email: 'ke-den-truoc@example.com', password: 'mot-mat-khau-dai-123', name: 'Ai đó' },
    })
    expect(register.status()).toBe(403)

    const made = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        'npm',
        ['run', '--silent', 'create-admin', '--', 'quan-tri@so.gov.vn', '--name', 'Quản trị Sở'],
        {
          env: {
            ...process.env,
            NODE_OPTIONS: '',
            NODE_ENV: 'production',
            DATABASE_URI: suite.app.database.uri,
            SECRET_FILE: path.join(suite.app.dir, '.secret'),
          },
          timeout: 120_000,
        },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      ),
    )
    expect(made.code).toBe(0)
    const password = /Mật khẩu:\s+(\S+)/.exec(made.stdout)![1]
    await logInToAdmin(page, suite, { email: 'quan-tri@so.gov.vn', password })
    await page.goto(`${suite.app.url}/admin/create-first-user`)
    await page.waitForURL(/\/admin$/)
    await context.close()
  })
})
