/**
 * Visitor statistics in a real browser: the counter block grows after a visit, following a
 * link sends the next page's hit (an editor's client-side navigation: editor.e2e.spec.ts),
 * headless browsers are counted as bots, and the admin view draws its charts for an
 * administrator.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { previousPeriod, shiftDay } from '../../src/stats/report'
import { bucketsOf } from '../../src/stats/time'
import { appInBrowser, browserAvailable, logInToAdmin, SAME_ORIGIN_PAGE } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

const ARTICLE = '/bai-viet/thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so'

type Live = { online: number; today: number; month: number; total: number; article?: { id: number; views: number } }

/** A reader's browser: an ordinary desktop Chrome, not driven-looking (each `who` is a different visitor). */
async function readerContext(browser: Browser, who: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 reader-${who}`,
  })
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }))
  return context
}

/** Opens a path and waits for its hit's answer. */
async function visit(page: Page, url: string): Promise<Live> {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/stats/hit') && r.request().method() === 'POST')
  await page.goto(url)
  const response = await answer
  expect(response.status()).toBe(201)
  return (await response.json()) as Live
}

const counter = async (page: Page, key: string) =>
  Number((await page.locator(`[data-counter="${key}"] dd`).innerText()).replace(/,/g, ''))

describeInBrowser('visitor statistics', () => {
  const suite = appInBrowser()

  it('the counter block shows numbers, with commas, that grow after another reader’s visit', async () => {
    const first = await (await readerContext(suite.browser, 'a')).newPage()
    const live = await visit(first, `${suite.app.url}/`)
    await first.waitForFunction((today) => document.querySelector('[data-counter="today"] dd')?.textContent === new Intl.NumberFormat('en-US').format(today), live.today)
    const block = first.getByRole('region', { name: 'Thống kê truy cập' })
    for (const label of ['Đang truy cập', 'Hôm nay', 'Tháng hiện tại', 'Tổng lượt truy cập']) expect(await block.getByText(label).count()).toBe(1)
    const today = await counter(first, 'today')
    expect(today).toBeGreaterThanOrEqual(1)
    expect(await counter(first, 'online')).toBeGreaterThanOrEqual(1)

    const second = await (await readerContext(suite.browser, 'b')).newPage()
    await visit(second, `${suite.app.url}/`)
    expect(await counter(second, 'today')).toBe(today + 1)
    expect(await counter(second, 'month')).toBeGreaterThanOrEqual(today + 1)
    expect(await counter(second, 'online')).toBeGreaterThanOrEqual(2)
    await first.context().close()
    await second.context().close()
  })

  it('the article shows its view count, and following a link sends the next page’s hit', async () => {
    const page = await (await readerContext(suite.browser, 'c')).newPage()
    const first = await visit(page, `${suite.app.url}${ARTICLE}`)
    expect(first.article?.views).toBeGreaterThanOrEqual(1)
    await page.waitForFunction((views) => document.querySelector('[data-article-views]')?.textContent?.endsWith(new Intl.NumberFormat('en-US').format(views)), first.article!.views)
    expect(await page.locator('[data-article-views]').innerText()).toMatch(/^Lượt xem: [\d,]+$/)

    // Home, then back to the article through a link (a page load: readers' pages have no client router): one hit each.
    await visit(page, `${suite.app.url}/`)
    const next = page.waitForResponse((r) => r.url().endsWith('/api/stats/hit'))
    await page.locator(`a[href="${ARTICLE}"]`).first().click()
    const answer = (await (await next).json()) as Live
    expect(answer.article?.views).toBe(first.article!.views + 1)
    await page.context().close()
  })

  it('a headless browser is a bot: its visit changes no visitor number', async () => {
    const reader = await (await readerContext(suite.browser, 'd')).newPage()
    const before = await visit(reader, `${suite.app.url}/`)
    const robot = await (await suite.browser.newContext()).newPage() // HeadlessChrome user agent, navigator.webdriver
    const answer = await visit(robot, `${suite.app.url}/`)
    expect(answer.today).toBe(before.today)
    await reader.context().close()
    await robot.context().close()
  })

  it('an administrator opens Thống kê truy cập and sees its charts and tables', async () => {
    for (const who of ['e', 'f', 'g']) {
      const reader = await (await readerContext(suite.browser, who)).newPage()
      await visit(reader, `${suite.app.url}${ARTICLE}`)
      await reader.context().close()
    }
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.admin)
    // The navigation links to the view (the nav may be folded away at this window size).
    expect(await page.locator('#nav-thong-ke').getAttribute('href')).toBe('/admin/thong-ke')
    await page.goto(`${suite.app.url}/admin/thong-ke`)
    await page.getByRole('heading', { name: 'Thống kê truy cập', level: 1 }).waitFor()
    // Three lines drawn (visits, page views, the previous period's visits) and the device bars.
    await page.locator('.recharts-line-curve').first().waitFor({ state: 'attached' })
    const curves = await page.locator('.recharts-line-curve').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))
    expect(curves).toHaveLength(3)
    for (const d of curves) expect(d).toMatch(/^M[\d.]+,[\d.]+[LC]/)
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(1)
    const visits = Number((await page.locator('[data-total="visits"] .stats-card__value').innerText()).replace(/,/g, ''))
    expect(visits).toBeGreaterThanOrEqual(3)
    // compared in plain Vietnamese with the 30 days before, dates as dd/MM/yyyy (nothing was counted then)
    const today = bucketsOf(Date.now()).day
    const before = previousPeriod(shiftDay(today, -29), today)
    const ddMMyyyy = (day: string) => `${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
    expect(await page.locator('[data-total="visits"] .stats-card__change').innerText()).toBe(
      `Tăng so với kỳ trước từ ${ddMMyyyy(before.from)} đến ${ddMMyyyy(before.to)} (0)`,
    )
    expect(await page.locator('.stats-summary').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(await page.locator('.stats-table').first().locator('th').allInnerTexts()).toEqual([
      'Bài viết',
      'Lượt xem trang',
      'Lượt truy cập bắt đầu tại bài',
      'Khách xem bài (cộng theo ngày)',
    ])
    expect(await page.getByRole('table').filter({ hasText: 'Bài viết' }).getByText(/Thi đua, tạo đột phá/).count()).toBeGreaterThanOrEqual(1)
    const csv = await page.getByRole('link', { name: 'Xuất CSV' }).getAttribute('href')
    const response = await page.request.get(`${suite.app.url}${csv}`, { headers: SAME_ORIGIN_PAGE })
    expect(response.status()).toBe(200)
    expect(await response.text()).toContain('Bảng,Nhãn,Lượt xem trang,Lượt truy cập,Khách,Bot')

    // Days are shown and typed dd/MM/yyyy, whatever the browser's language.
    expect(await page.inputValue('input[name="to"]')).toBe(ddMMyyyy(today))
    await page.fill('input[name="from"]', '2026-12-31')
    await page.getByRole('button', { name: 'Xem thống kê' }).click()
    await page.getByRole('alert').filter({ hasText: 'Ngày phải có dạng dd/mm/yyyy, ví dụ 01/12/2026.' }).waitFor()

    // Bad range: a clear message, not a broken page.
    await page.fill('input[name="from"]', '31/12/2026')
    await page.fill('input[name="to"]', '01/01/2026')
    await page.getByRole('button', { name: 'Xem thống kê' }).click()
    await page.getByRole('alert').filter({ hasText: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' }).waitFor()
    await context.close()
  })

  it('an editor opens it too; a reporter is told it is not for them', async () => {
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.reporter)
    expect(await page.getByRole('link', { name: 'Thống kê truy cập' }).count()).toBe(0)
    await page.goto(`${suite.app.url}/admin/thong-ke`)
    await page.getByRole('alert').filter({ hasText: 'Chỉ quản trị viên và biên tập viên được xem thống kê.' }).waitFor()
    expect(await page.locator('.recharts-surface').count()).toBe(0)
    await context.close()
  })
})
