/**
 * Comparing two versions of an article whose body holds pictures: the body's blocks read in
 * Vietnamese ("[Ảnh có chú thích] …"), never Payload's "imageWithCaption Block".
 */
import { appInBrowser, browserAvailable, logInToAdmin } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip

describeInBrowser('the versions screen', () => {
  const suite = appInBrowser()

  it('names the body’s picture blocks in Vietnamese when the body changed', async () => {
    const context = await suite.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' })
    const page = await context.newPage()
    await logInToAdmin(page, suite, suite.app.accounts.editor)
    // a demo article with pictures in its body, edited once more: its newest version differs in the body
    const { id, body } = await page.evaluate(async () => {
      const answer = await fetch('/api/articles?where[slug][equals]=thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so&depth=0&draft=true', { credentials: 'include' })
      const { docs } = (await answer.json()) as { docs: { id: number; body: { root: { children: { type: string; children?: { text?: string }[] }[] } } }[] }
      return docs[0]!
    })
    expect(body.root.children.some((c) => c.type === 'block')).toBe(true)
    const changed = structuredClone(body)
    const first = changed.root.children.find((c) => c.type === 'paragraph' && c.children?.[0]?.text)!
    first.children![0]!.text = `${first.children![0]!.text} (đã sửa)`
    const saved = await page.evaluate(
      async ([articleId, data]) =>
        (await fetch(`/api/articles/${articleId}?draft=true`, { method: 'PATCH', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: data }) })).status,
      [id, changed] as const,
    )
    expect(saved).toBe(200)
    await page.goto(`${suite.app.url}/admin/collections/articles/${id}/versions`)
    const newest = page.locator('.table tbody tr a').first()
    await newest.waitFor()
    await page.waitForLoadState('networkidle')
    await newest.click()
    await page.waitForURL(/\/versions\/[^/]+$/)
    await page.locator('.lexical-diff').first().waitFor()
    const text = await page.locator('.lexical-diff').first().innerText()
    expect(text).toContain('[Ảnh có chú thích]')
    expect(text).toContain('(đã sửa)')
    expect(text).not.toMatch(/\bBlock\b|imageWithCaption/)
    await context.close()
  })
})
