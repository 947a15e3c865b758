/** The article edit page in a real browser: nothing typed is lost, and publishing is the editors'. */
import type { BrowserContext, Page } from 'playwright-core'

import { appInBrowser, browserAvailable, type BrowserSuite, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

// The seed's draft, written by the reporter.
const DRAFT_SLUG = 'ban-nhap-ke-hoach-chuyen-doi-so-cap-xa'
const LIST = '/admin/collections/articles'

type Article = { id: number; title?: string; lead?: string; slug?: string; _status?: string }

async function loggedIn(suite: BrowserSuite, role: 'editor' | 'reporter'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext()
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  await logInToAdmin(page, suite, suite.app.accounts[role])
  return { context, page }
}

/** The latest saved draft of an article, read with the page's own session. */
async function latest(page: Page, where: string): Promise<Article> {
  return page.evaluate(async (query) => {
    const res = await fetch(`/api/articles?${query}&draft=true&depth=0&limit=1&locale=vi`)
    return (await res.json()).docs[0]
  }, where)
}

async function countArticles(page: Page): Promise<number> {
  return page.evaluate(async () => (await (await fetch('/api/articles?draft=true&depth=0&limit=1')).json()).totalDocs)
}

/** Leaves the edit page the way the issue did: the breadcrumb back to the list. */
async function leaveByBreadcrumb(page: Page) {
  await page.locator(`.step-nav a[href="${LIST}"]`).first().click()
  await page.waitForURL((url) => url.pathname === LIST)
}

describeInBrowser('the article edit page', () => {
  const suite = appInBrowser()

  it('text typed and left at once is there when the article is reopened', async () => {
    const { context, page } = await loggedIn(suite, 'reporter')
    const draft = await latest(page, `where[slug][equals]=${DRAFT_SLUG}`)
    await page.goto(`${suite.app.url}${LIST}/${draft.id}`)
    const lead = page.locator('#field-lead')
    await lead.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Gõ rồi đi ngay.')
    // well inside autosave's 2 s
    await leaveByBreadcrumb(page)

    expect((await latest(page, `where[id][equals]=${draft.id}`)).lead).toMatch(/Gõ rồi đi ngay\.$/)
    await page.goto(`${suite.app.url}${LIST}/${draft.id}`)
    expect(await page.locator('#field-lead').inputValue()).toMatch(/Gõ rồi đi ngay\.$/)
    await context.close()
  })

  it('closing the tab with unsaved text makes the browser ask first', async () => {
    const { context, page } = await loggedIn(suite, 'reporter')
    const draft = await latest(page, `where[slug][equals]=${DRAFT_SLUG}`)
    await page.goto(`${suite.app.url}${LIST}/${draft.id}`)
    // the event the browser sends before closing: cancelled means it asks ("Leave site?")
    const asks = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true })
        window.dispatchEvent(event)
        return event.defaultPrevented
      })
    await page.locator('#field-lead').click()
    await page.keyboard.type(' Chưa lưu.')
    expect(await asks()).toBe(true)
    // once autosave has saved it (2 s after the last keystroke), closing is free
    await page.waitForResponse((res) => res.request().method() === 'PATCH' && res.url().includes('autosave=true'))
    await page.waitForFunction(
      () => {
        const event = new Event('beforeunload', { cancelable: true })
        window.dispatchEvent(event)
        return !event.defaultPrevented
      },
      undefined,
      { timeout: 5_000 },
    )
    await context.close()
  })

  it('"Lưu nháp" saves the draft at once', async () => {
    const { context, page } = await loggedIn(suite, 'reporter')
    const draft = await latest(page, `where[slug][equals]=${DRAFT_SLUG}`)
    await page.goto(`${suite.app.url}${LIST}/${draft.id}`)
    await page.locator('#field-title').fill('Bản nháp: kế hoạch chuyển đổi số cấp xã (đã lưu)')
    const saved = page.waitForResponse(
      (res) => res.request().method() === 'PATCH' && res.url().includes(`/api/articles/${draft.id}?`) && !res.url().includes('autosave=true'),
    )
    await page.getByRole('button', { name: 'Lưu nháp', exact: true }).click()
    expect((await saved).status()).toBe(200)
    expect((await latest(page, `where[id][equals]=${draft.id}`)).title).toBe('Bản nháp: kế hoạch chuyển đổi số cấp xã (đã lưu)')
    await context.close()
  })

  it('clicking "Tạo mới" and leaving without typing leaves no article behind', async () => {
    const { context, page } = await loggedIn(suite, 'reporter')
    const before = await countArticles(page)
    await page.goto(`${suite.app.url}${LIST}`)
    // the list's script running first (under load a click could come before it)
    await page.waitForLoadState('networkidle')
    await page.locator(`a[href="${LIST}/create"]`).first().click()
    await page.waitForURL(/\/admin\/collections\/articles\/\d+$/, { timeout: 90_000 })
    await page.locator('#field-title').waitFor()
    await leaveByBreadcrumb(page)
    expect(await countArticles(page)).toBe(before)

    // typing even a little keeps it
    await page.waitForLoadState('networkidle')
    await page.locator(`a[href="${LIST}/create"]`).first().click()
    await page.waitForURL(/\/admin\/collections\/articles\/\d+$/, { timeout: 90_000 })
    await page.locator('#field-title').fill('Tin mới gõ dở')
    await leaveByBreadcrumb(page)
    expect(await countArticles(page)).toBe(before + 1)
    await context.close()
  })

  it('a reporter is offered no publishing control, and is told why a published article is locked', async () => {
    const { context, page } = await loggedIn(suite, 'reporter')
    const publishing = /Xuất bản|Đăng bài|Đăng bản sửa|Gỡ bài|Ẩn tài liệu|Ngưng xuất bản/

    await page.goto(`${suite.app.url}${LIST}`)
    await page.locator('.table tbody tr').first().waitFor()
    await page.locator('.table tbody tr input[type="checkbox"]').first().check()
    await page.locator('.list-selection').waitFor()
    expect(await page.locator('.list-selection').getByRole('button', { name: publishing }).count()).toBe(0)

    const draft = await latest(page, `where[slug][equals]=${DRAFT_SLUG}`)
    await page.goto(`${suite.app.url}${LIST}/${draft.id}`)
    await page.locator('#field-title').waitFor()
    await page.locator('.doc-controls').waitFor()
    expect(await page.locator('.doc-controls').getByRole('button', { name: publishing }).count()).toBe(0)
    await expect(page.getByRole('button', { name: 'Lưu nháp', exact: true }).count()).resolves.toBe(1)

    const published = await latest(page, 'where[_status][equals]=published')
    await page.goto(`${suite.app.url}${LIST}/${published.id}`)
    await page.locator('#field-title').waitFor()
    await expect(page.getByText('Chỉ biên tập viên được sửa').count()).resolves.toBe(1)
    expect(await page.locator('.doc-controls').getByRole('button', { name: publishing }).count()).toBe(0)
    await context.close()
  })

  it('an editor schedules publishing by default, publishes with "Đăng bài" and withdraws with "Gỡ bài"', async () => {
    const { context, page } = await loggedIn(suite, 'editor')
    const created = await page.evaluate(async () => {
      const category = (await (await fetch('/api/categories?limit=1&depth=0')).json()).docs[0]
      const res = await fetch('/api/articles?draft=true', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Bài thử nút đăng', primaryCategory: category.id, _status: 'draft' }),
      })
      return (await res.json()).doc as { id: number }
    })
    await page.goto(`${suite.app.url}${LIST}/${created.id}`)
    await page.locator('#field-title').waitFor()

    // the schedule drawer of a never-published draft proposes publishing it
    await page.locator('.doc-controls .btn--withPopup .popup-button').first().click()
    await page.locator('#schedule-publish').click()
    const publishChoice = page.locator(`#field-schedule-publish-${created.id}-type-publish`)
    await publishChoice.waitFor({ state: 'attached' })
    await page.waitForFunction((id) => (document.getElementById(`field-schedule-publish-${id}-type-publish`) as HTMLInputElement)?.checked, created.id)
    await page.locator('.schedule-publish__drawer-header button').click()
    await page.locator('.schedule-publish__drawer-header').waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: 'Đăng bài', exact: true }).click()
    await page.getByRole('button', { name: 'Gỡ bài' }).waitFor()
    expect((await latest(page, `where[id][equals]=${created.id}`))._status).toBe('published')

    await page.getByRole('button', { name: 'Gỡ bài' }).click()
    await page.locator('#confirm-action').click()
    await page.getByRole('button', { name: 'Gỡ bài' }).waitFor({ state: 'detached' })
    expect((await latest(page, `where[id][equals]=${created.id}`))._status).toBe('draft')
    await context.close()
  })

  it('the tags field says how to add a tag and offers the tags already in use', async () => {
    const { context, page } = await loggedIn(suite, 'editor')
    // an article of the editor's own: the reporter's draft may still be locked by their visit
    const draft = await page.evaluate(async () => {
      const category = (await (await fetch('/api/categories?limit=1&depth=0')).json()).docs[0]
      const res = await fetch('/api/articles?draft=true', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Bài thử thẻ', primaryCategory: category.id, tags: ['chuyển đổi số'], _status: 'draft' }),
      })
      return (await res.json()).doc as { id: number }
    })
    await page.goto(`${suite.app.url}${LIST}/${draft.id}`)
    await page.getByText('Gõ thẻ rồi nhấn Enter').waitFor()
    const suggestion = page.locator('.article-tags__suggestion', { hasText: 'cải cách hành chính' })
    await suggestion.click()
    await page.locator('.field-type.text', { hasText: 'Thẻ' }).getByText('cải cách hành chính').first().waitFor()
    await context.close()
  })

  it('before first publication the slug is folded again from a new title', async () => {
    const { context, page } = await loggedIn(suite, 'reporter')
    const draft = await latest(page, `where[slug][equals]=${DRAFT_SLUG}`)
    await page.goto(`${suite.app.url}${LIST}/${draft.id}`)
    await page.locator('#field-title').fill('Kế hoạch số hóa cấp xã năm 2027')
    await page.getByRole('button', { name: 'Tạo lại từ tiêu đề' }).click()
    expect(await page.locator('#field-slug').inputValue()).toBe('ke-hoach-so-hoa-cap-xa-nam-2027')
    await context.close()
  })
})
