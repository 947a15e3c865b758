/**
 * The admin's first screen, in Chromium against the built app: an editor lands on the newsroom's
 * dashboard (today's figures, the "Chờ duyệt" queue, what is scheduled, what went live last),
 * with real data made through the REST API; a reporter sees their own unfinished articles
 * instead; the raw statistics tables are out of the navigation and the cards.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { formatDateline, formatDateTime } from '../../src/lib/dates'
import { appInBrowser, browserAvailable, type BrowserSuite, logInToAdmin, SAME_ORIGIN_PAGE } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

const ARTICLE = '/bai-viet/thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so'

async function loggedIn(suite: BrowserSuite, who: 'editor' | 'reporter'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext({ viewport: { width: 1680, height: 1000 }, baseURL: suite.app.url })
  const page = await context.newPage()
  await logInToAdmin(page, suite, suite.app.accounts[who])
  return { context, page }
}

/** A reader on an ordinary desktop Chrome (not counted as a bot) opens the article once. */
async function readOnce(browser: Browser, url: string, who: string) {
  const context = await browser.newContext({
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 reader-${who}`,
  })
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }))
  const page = await context.newPage()
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/stats/hit') && r.request().method() === 'POST')
  await page.goto(url)
  expect((await answer).status()).toBe(201)
  await context.close()
}

const texts = (page: Page, block: string) => page.locator(`section[aria-labelledby="${block}"] li`).allInnerTexts()
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

describeInBrowser('the admin’s first screen', () => {
  const suite = appInBrowser()

  it('an editor sees today’s figures, the queue, the schedule and the latest publishes, with what was just done', async () => {
    const editor = await loggedIn(suite, 'editor')
    const reporter = await loggedIn(suite, 'reporter')
    const stamp = Date.now()
    const category = (await (await editor.page.request.get('/api/categories?limit=1&depth=0', { headers: SAME_ORIGIN_PAGE })).json()).docs[0].id

    // two readers today
    await readOnce(suite.browser, `${suite.app.url}${ARTICLE}`, 'a')
    await readOnce(suite.browser, `${suite.app.url}${ARTICLE}`, 'b')

    // the reporter hands a draft over
    const submittedTitle = `Bài chờ duyệt ${stamp}`
    const draft = await reporter.page.request.post('/api/articles?draft=true', {
      headers: SAME_ORIGIN_PAGE,
      data: { title: submittedTitle, lead: 'Sapo.', primaryCategory: category, _status: 'draft' },
    })
    expect(draft.status()).toBe(201)
    const draftId: number = (await draft.json()).doc.id
    const submitted = await reporter.page.request.patch(`/api/articles/${draftId}?draft=true`, { headers: SAME_ORIGIN_PAGE, data: { reviewStatus: 'submitted' } })
    expect(submitted.status()).toBe(200)
    const submittedAt: string = (await submitted.json()).doc.submittedAt

    // the editor schedules a draft to go live tomorrow at 09:00, and publishes another now
    const scheduledTitle = `Bài hẹn giờ ${stamp}`
    const toSchedule = await editor.page.request.post('/api/articles?draft=true', {
      headers: SAME_ORIGIN_PAGE,
      data: { title: scheduledTitle, lead: 'Sapo.', primaryCategory: category, _status: 'draft' },
    })
    const scheduledId: number = (await toSchedule.json()).doc.id
    const tomorrow = new Date(Date.now() + 24 * 3_600_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    const at = new Date(`${tomorrow}T09:00:00+07:00`)
    expect((await editor.page.request.post(`/api/articles/${scheduledId}/schedule`, { headers: SAME_ORIGIN_PAGE, data: { at: at.toISOString(), action: 'publish' } })).status()).toBe(201)

    const publishedTitle = `Bài vừa đăng ${stamp}`
    const publishedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()
    const published = await editor.page.request.post('/api/articles', {
      headers: SAME_ORIGIN_PAGE,
      data: { title: publishedTitle, lead: 'Sapo.', primaryCategory: category, publishedAt, _status: 'published' },
    })
    expect(published.status()).toBe(201)
    const publishedId: number = (await published.json()).doc.id
    const takeDown = new Date(at.getTime() + 3_600_000)
    expect((await editor.page.request.post(`/api/articles/${publishedId}/schedule`, { headers: SAME_ORIGIN_PAGE, data: { at: takeDown.toISOString(), action: 'unpublish' } })).status()).toBe(201)

    const page = editor.page
    await page.goto(`${suite.app.url}/admin`)
    await page.getByRole('heading', { name: 'Bàn làm việc tòa soạn' }).waitFor()

    // today's figures, read as the statistics view reads them
    const card = (key: string) => page.locator(`[data-figure="${key}"]`)
    for (const [key, label] of [
      ['visits', 'Lượt truy cập hôm nay'],
      ['pageViews', 'Lượt xem trang hôm nay'],
      ['visitors', 'Khách hôm nay'],
    ]) {
      expect(await card(key).locator('.stats-card__label').innerText()).toBe(label)
      expect(await card(key).locator('.stats-card__value').innerText()).toBe('2')
      expect(await card(key).locator('.stats-card__change').innerText()).toBe('Tăng so với hôm qua (0)')
    }
    expect(await card('online').locator('.stats-card__label').innerText()).toBe('Đang truy cập')
    expect(await page.getByRole('link', { name: 'Xem thống kê truy cập chi tiết' }).getAttribute('href')).toBe('/admin/thong-ke')

    // the queue
    expect(await page.locator('#newsroom-queue').innerText()).toBe('Chờ duyệt (1)')
    expect((await texts(page, 'newsroom-queue')).map(oneLine)).toEqual([`${submittedTitle} Phóng viên · gửi lúc ${formatDateTime(submittedAt)}`])
    expect(await page.getByRole('link', { name: 'Mở danh sách chờ duyệt' }).getAttribute('href')).toBe('/admin/cho-duyet')

    // the schedule, soonest first
    expect(await page.locator('#newsroom-scheduled').innerText()).toBe('Hẹn giờ (2)')
    expect((await texts(page, 'newsroom-scheduled')).map(oneLine)).toEqual([
      `${formatDateTime(at)} Đăng bài ${scheduledTitle}`,
      `${formatDateTime(takeDown)} Gỡ bài ${publishedTitle}`,
    ])
    expect(formatDateTime(at)).toMatch(/^\d{2}\/\d{2}\/\d{4} 09:00$/)
    expect(await page.getByRole('link', { name: scheduledTitle }).getAttribute('href')).toBe(`/admin/collections/articles/${scheduledId}`)

    // the latest publishes, with their dateline
    const recent = (await texts(page, 'newsroom-recent')).map(oneLine)
    expect(recent).toHaveLength(5)
    expect(recent[0]).toBe(`${publishedTitle} ${formatDateline(publishedAt)}`)

    // the raw statistics tables are neither in the navigation nor among the cards
    const body = await page.locator('body').innerText()
    for (const table of ['Tổng theo thời gian', 'Thống kê trang', 'Phân loại truy cập']) expect(body).not.toContain(table)
    // but still open by address
    await page.goto(`${suite.app.url}/admin/collections/stats-totals`)
    await page.locator('.table').waitFor()

    // the reporter: their own articles, nothing of the editors'
    await reporter.page.goto(`${suite.app.url}/admin`)
    await reporter.page.getByRole('heading', { name: 'Bàn làm việc tòa soạn' }).waitFor()
    expect((await texts(reporter.page, 'newsroom-own')).map(oneLine)).toEqual([
      `${submittedTitle} Chờ duyệt`,
      'Kế hoạch chuyển đổi số cấp xã giai đoạn 2026 - 2030 (bản nháp) Đang viết', // the demo's own draft
    ])
    expect(await reporter.page.locator('#newsroom-today, #newsroom-queue, #newsroom-scheduled').count()).toBe(0)
    expect((await texts(reporter.page, 'newsroom-recent')).map(oneLine)[0]).toBe(`${publishedTitle} ${formatDateline(publishedAt)}`)

    // returned with a note: first in the reporter's list, with the note
    const returned = await editor.page.request.patch(`/api/articles/${draftId}?draft=true`, { headers: SAME_ORIGIN_PAGE, data: { reviewStatus: 'returned', reviewNote: 'Thiếu ảnh minh họa.' } })
    expect(returned.status()).toBe(200)
    await reporter.page.reload()
    expect((await texts(reporter.page, 'newsroom-own')).map(oneLine)[0]).toBe(`${submittedTitle} Trả lại – Thiếu ảnh minh họa.`)

    await reporter.context.close()
    await editor.context.close()
  }, 240_000)
})
