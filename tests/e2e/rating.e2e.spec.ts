/** Rating an article in a real browser: with the mouse, with the keyboard only, and without JavaScript. */
import type { Page } from 'playwright-core'

import { appInBrowser, browserAvailable } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

const ARTICLE = '/bai-viet/thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so'


describeInBrowser('rating an article', () => {
  const suite = appInBrowser()

  const totalsText = (page: Page) => page.locator('.rating__totals').innerText()

  async function openArticle(javaScriptEnabled = true) {
    const context = await suite.browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    await page.goto(`${suite.app.url}${ARTICLE}`)
    if (javaScriptEnabled) await page.locator('.rating[data-ready]').waitFor()
    return { context, page }
  }

  it('a reader rates with the mouse and sees the totals change in place', async () => {
    const { context, page } = await openArticle()
    expect(await page.getByText('Click để đánh giá bài viết').count()).toBe(1)
    const before = await totalsText(page)
    expect(before).toMatch(/Tổng số điểm của bài viết là: 0 trong 0 đánh giá/)
    const navigations: string[] = []
    page.on('framenavigated', (frame) => navigations.push(frame.url()))

    await page.locator('label.rating__star').nth(3).click()
    await page.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã đánh giá bài viết.' }).waitFor()
    expect(await totalsText(page)).toMatch(/là: 4 trong 1 đánh giá/)
    expect(navigations).toEqual([]) // no reload
    await context.close()
  })

  it('a reader rates with the keyboard only: Tab to the stars, arrows to move, Space to vote', async () => {
    const { context, page } = await openArticle()
    await page.locator('.rating__totals').waitFor()
    let onStar = false
    for (let i = 0; i < 60 && !onStar; i += 1) {
      await page.keyboard.press('Tab')
      onStar = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'score')
    }
    expect(onStar).toBe(true)
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('1')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    // moving does not vote
    expect(await page.getByRole('status').innerText()).toBe('')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('3')
    // the focused star is visibly outlined
    const outline = await page.evaluate(
      () => getComputedStyle((document.activeElement as HTMLElement).closest('label')!).outlineStyle,
    )
    expect(outline).not.toBe('none')
    await page.keyboard.press('Space')
    await page.getByRole('status').filter({ hasText: 'Cảm ơn' }).waitFor()
    expect(await totalsText(page)).toMatch(/là: 7 trong 2 đánh giá/)

    await page.reload()
    await page.getByText('Bạn đã chấm 3 sao cho bài viết này').waitFor()
    for (const radio of await page.getByRole('radio').all()) expect(await radio.isDisabled()).toBe(true)
    expect(await totalsText(page)).toMatch(/là: 7 trong 2 đánh giá/)
    await context.close()
  })

  it('the stars form an accessible radio group with a name', async () => {
    const { context, page } = await openArticle()
    const group = page.getByRole('radiogroup', { name: /đánh giá bài viết/ })
    expect(await group.getByRole('radio').count()).toBe(5)
    expect(await group.getByRole('radio', { name: '5 sao' }).count()).toBe(1)
    await context.close()
  })

  it('a reader without JavaScript posts the form and comes back to the article with the result', async () => {
    const { context, page } = await openArticle(false)
    await page.locator('label.rating__star').nth(4).click()
    await Promise.all([page.waitForURL(/#danh-gia-cam-on$/), page.getByRole('button', { name: 'Gửi đánh giá' }).click()])
    expect(new URL(page.url()).pathname).toBe(ARTICLE)
    expect(await page.locator('#danh-gia-cam-on').isVisible()).toBe(true)
    expect(await page.locator('#danh-gia-da-danh-gia').isVisible()).toBe(false)
    expect(await totalsText(page)).toMatch(/là: 12 trong 3 đánh giá/)

    await page.locator('label.rating__star').nth(0).click()
    await Promise.all([page.waitForURL(/#danh-gia-da-danh-gia$/), page.getByRole('button', { name: 'Gửi đánh giá' }).click()])
    expect(await page.locator('#danh-gia-da-danh-gia').innerText()).toBe('Bạn đã đánh giá bài viết này')
    expect(await totalsText(page)).toMatch(/là: 12 trong 3 đánh giá/)
    await context.close()
  })
})
