/**
 * The review round trip in the admin, in Chromium against the built app: a reporter submits, the
 * editor finds it under "Chờ duyệt", returns it with a note, the reporter reads the note and
 * submits again, the editor publishes, and the review state is gone.
 */
import type { BrowserContext, Page } from 'playwright-core'

import { appInBrowser, browserAvailable, type BrowserSuite, logInToAdmin, SAME_ORIGIN_PAGE } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

type Review = { reviewStatus: string; reviewNote: string | null; submittedAt: string | null; _status: string }

// Wider than Payload's large breakpoint (1440 px), where the navigation starts open.
async function loggedIn(suite: BrowserSuite, who: 'editor' | 'reporter'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext({ viewport: { width: 1680, height: 1000 }, baseURL: suite.app.url })
  const page = await context.newPage()
  await logInToAdmin(page, suite, suite.app.accounts[who])
  return { context, page }
}

/** The article's latest version, read with this page's session. */
async function reviewOf(page: Page, id: number): Promise<Review> {
  const response = await page.request.get(`/api/articles/${id}?draft=true&depth=0`, { headers: SAME_ORIGIN_PAGE })
  expect(response.status()).toBe(200)
  return response.json()
}

/** Picks a review status in the edit page's sidebar and waits for the save that carries it. */
async function chooseReviewStatus(page: Page, id: number, label: string) {
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PATCH' && new URL(response.url()).pathname === `/api/articles/${id}` && response.status() === 200,
    { timeout: 20_000 },
  )
  await page.locator('#field-reviewStatus .rs__control').click()
  await page.locator('.rs__option', { hasText: label }).click()
  await saved
}

describeInBrowser('the review round trip', () => {
  const suite = appInBrowser()

  it('reporter submits → editor sees it under "Chờ duyệt" → returns with a note → reporter reads it, submits again → editor publishes → state cleared', async () => {
    const reporter = await loggedIn(suite, 'reporter')
    const editor = await loggedIn(suite, 'editor')
    const title = `Bài gửi duyệt ${Date.now()}`

    // The reporter's draft, written over REST to keep this test on the review itself.
    const categories = await (await reporter.page.request.get('/api/categories?limit=1&depth=0', { headers: SAME_ORIGIN_PAGE })).json()
    const created = await reporter.page.request.post('/api/articles?draft=true', {
      headers: SAME_ORIGIN_PAGE,
      data: { title, lead: 'Sapo.', primaryCategory: categories.docs[0].id, _status: 'draft' },
    })
    expect(created.status()).toBe(201)
    const id: number = (await created.json()).doc.id

    // 1. The reporter hands it over from the edit page.
    await reporter.page.goto(`${suite.app.url}/admin/collections/articles/${id}`)
    await chooseReviewStatus(reporter.page, id, 'Chờ duyệt')
    expect(await reviewOf(reporter.page, id)).toMatchObject({ reviewStatus: 'submitted', _status: 'draft' })

    // 2. The editor's navigation counts it; the queue shows who wrote it and when it was sent.
    await editor.page.goto(`${suite.app.url}/admin`)
    const navLink = editor.page.locator('#nav-cho-duyet')
    expect(await navLink.innerText()).toBe('Chờ duyệt (1)')
    await navLink.click()
    await editor.page.waitForURL(/\/admin\/cho-duyet$/)
    const row = editor.page.locator('.review-queue__row', { hasText: title })
    const cells = await row.locator('td').allInnerTexts()
    expect(cells[0]).toBe(title)
    expect(cells[1]).toBe('Phóng viên')
    expect(cells[2]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)

    // 3. The editor opens it, writes a note and returns it.
    await row.getByRole('link', { name: title }).click()
    await editor.page.waitForURL(new RegExp(`/admin/collections/articles/${id}$`))
    await editor.page.locator('textarea#field-reviewNote').fill('Thiếu nguồn số liệu ở đoạn 2.')
    await chooseReviewStatus(editor.page, id, 'Trả lại')
    expect(await reviewOf(editor.page, id)).toMatchObject({ reviewStatus: 'returned', reviewNote: 'Thiếu nguồn số liệu ở đoạn 2.' })

    // 4. The reporter's own list shows the return and its note.
    await reporter.page.goto(`${suite.app.url}/admin/collections/articles`)
    const ownRow = reporter.page.locator('tr', { hasText: title })
    await ownRow.waitFor()
    expect(await ownRow.innerText()).toContain('Trả lại')
    expect(await ownRow.innerText()).toContain('Thiếu nguồn số liệu ở đoạn 2.')

    // 5. The reporter fixes it and submits again.
    await reporter.page.goto(`${suite.app.url}/admin/collections/articles/${id}`)
    await chooseReviewStatus(reporter.page, id, 'Chờ duyệt')
    expect(await reviewOf(reporter.page, id)).toMatchObject({ reviewStatus: 'submitted', reviewNote: null })
    // and still cannot publish it
    expect((await reporter.page.request.patch(`/api/articles/${id}`, { headers: SAME_ORIGIN_PAGE, data: { _status: 'published' } })).status()).toBe(403)

    // 6. The editor publishes: the review is over, the queue empty.
    await editor.page.goto(`${suite.app.url}/admin`)
    expect(await editor.page.locator('#nav-cho-duyet').innerText()).toBe('Chờ duyệt (1)')
    expect((await editor.page.request.patch(`/api/articles/${id}`, { headers: SAME_ORIGIN_PAGE, data: { _status: 'published' } })).status()).toBe(200)
    expect(await reviewOf(editor.page, id)).toMatchObject({ reviewStatus: 'draft', reviewNote: null, submittedAt: null, _status: 'published' })
    await editor.page.goto(`${suite.app.url}/admin/cho-duyet`)
    expect(await editor.page.locator('#nav-cho-duyet').innerText()).toBe('Chờ duyệt (0)')
    await editor.page.getByText('Không có bài nào chờ duyệt.').waitFor()

    await reporter.context.close()
    await editor.context.close()
  }, 240_000)

  it('a reporter has no "Chờ duyệt" link, and the queue tells them it is for editors', async () => {
    const reporter = await loggedIn(suite, 'reporter')
    await reporter.page.goto(`${suite.app.url}/admin/cho-duyet`)
    await reporter.page.getByRole('alert').filter({ hasText: 'Chỉ biên tập viên và quản trị viên' }).waitFor()
    expect(await reporter.page.locator('#nav-cho-duyet').count()).toBe(0)
    await reporter.context.close()
  })
})
