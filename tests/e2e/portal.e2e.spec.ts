/**
 * The public portal in a real browser: every route renders its parts, search folds Vietnamese,
 * feeds and the sitemap are right, pages are accessible, and a published change shows at once.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'

import type { Page } from 'playwright-core'
import Parser from 'rss-parser'

import { appInBrowser, browserAvailable, type BrowserSuite } from '../helpers/app'

const describeInBrowser = browserAvailable() ? describe : describe.skip
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const FLAGSHIP = '/bai-viet/thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so'
const DRAFT = '/bai-viet/ban-nhap-ke-hoach-chuyen-doi-so-cap-xa'

let suite: BrowserSuite
let editorToken: string

async function open(path: string, options: { width?: number; javaScriptEnabled?: boolean } = {}) {
  const context = await suite.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true })
  const page = await context.newPage()
  const response = await page.goto(`${suite.app.url}${path}`)
  return { page, status: response?.status(), close: () => context.close() }
}

async function axeViolations(page: Page) {
  // Next sends a 404 in its error shell (no lang on <html>) and sets the layout's lang when the
  // page hydrates: check the page a reader's browser shows.
  await page.waitForFunction(() => document.documentElement.lang !== '')
  // evaluated, not a <script>: the page's CSP allows no inline script (scripts/headers.mjs)
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${suite.app.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${editorToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

async function categoryId(slug: string): Promise<number> {
  const { body } = await api('GET', `/categories?where[slug][equals]=${slug}&depth=0`)
  return body.docs[0].id
}

describeInBrowser('the public portal', () => {
  suite = appInBrowser()
  beforeAll(async () => {
    const login = await fetch(`${suite.app.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(suite.app.accounts.editor),
    })
    editorToken = ((await login.json()) as { token: string }).token
  })

  describe('every page', () => {
    it('has the agency header, category navigation, search box and the footer the rules require', async () => {
      const { page, close } = await open('/')
      const header = page.locator('header.site-header')
      expect(await header.innerText()).toContain('Ủy ban nhân dân tỉnh Bình Phước'.toUpperCase())
      const nav = page.getByRole('navigation', { name: 'Chuyên mục' })
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(
        ['Trang chủ', 'Thời sự', 'Kinh tế', 'Văn hóa - Xã hội', 'Cải cách hành chính', 'Chuyển đổi số'].map((t) => t.toUpperCase()),
      )
      expect(await page.getByRole('search').count()).toBe(1)
      const footer = await page.locator('footer').innerText()
      for (const part of ['Cơ quan chủ quản', 'Chịu trách nhiệm chính', 'Địa chỉ', 'Điện thoại', 'Email']) expect(footer).toContain(part)
      await close()
    })

    it('has the sidebar: service banners first, then the ỨNG DỤNG apps, in order', async () => {
      const { page, close } = await open('/')
      const groups = page.locator('aside.sidebar section.link-group')
      expect(await groups.count()).toBe(2)
      expect(await groups.nth(0).locator('a > span:not(.visually-hidden)').allInnerTexts()).toEqual([
        'Việc làm Bình Phước',
        'Công báo Chính phủ',
        'DVC Quốc gia',
        'Ecom Binh Phuoc',
      ])
      expect(await groups.nth(0).locator('img').count()).toBe(4)
      expect(await groups.nth(1).getByRole('heading').innerText()).toBe('ỨNG DỤNG')
      expect(await groups.nth(1).locator('a > span:not(.visually-hidden)').allInnerTexts()).toEqual([
        'bp today', 'dhtn', 'ioffice', 'congbao', 'Portal_Ispeed', 'sổ tay đảng viên', 'Tạp chí', 'KQ TTHC',
      ])
      await close()
    })
  })

  describe('the article page', () => {
    it('shows title, dateline, lead, captioned images, body, byline, tags and related articles', async () => {
      const { page, status, close } = await open(FLAGSHIP)
      expect(status).toBe(200)
      expect(await page.locator('h1').innerText()).toBe('Thi đua, tạo đột phá về cải cách hành chính gắn với chuyển đổi số')
      expect(await page.locator('.dateline').first().innerText()).toMatch(/^(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật) - \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
      expect(await page.locator('.article__lead').innerText()).toMatch(/^\(CTTĐT\) - /)
      const captions = await page.locator('article figure figcaption').allInnerTexts()
      expect(captions).toContain('Khối trưởng năm 2025 trao cờ luân lưu cho đơn vị đảm nhiệm khối trưởng năm 2026')
      for (const figure of await page.locator('article figure').all()) {
        const [img, caption] = await Promise.all([figure.locator('img').boundingBox(), figure.locator('figcaption').boundingBox()])
        expect(caption!.y).toBeGreaterThanOrEqual(img!.y + img!.height - 1) // the caption sits under its image
      }
      for (const img of await page.locator('main img').all()) {
        expect(await img.getAttribute('alt')).toBeTruthy()
        expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0)
        expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0)
      }
      expect(await page.locator('.article__byline').innerText()).toBe('Tác giả: Theo Đài PT-TH tỉnh')
      expect(await page.locator('.article__tags a').allInnerTexts()).toEqual(['thi đua khen thưởng', 'cải cách hành chính', 'chuyển đổi số'])
      expect(await page.locator('.related li').count()).toBeGreaterThan(0)
      expect(await page.locator('.rating__totals').innerText()).toMatch(/Tổng số điểm của bài viết là: \d+ trong \d+ đánh giá/)
      await close()
    })

    it('carries canonical, Open Graph with the og image size, Twitter card and NewsArticle JSON-LD', async () => {
      const { page, close } = await open(FLAGSHIP)
      expect(await page.locator('html').getAttribute('lang')).toBe('vi')
      expect(await page.locator('link[rel=canonical]').getAttribute('href')).toMatch(new RegExp(`${FLAGSHIP}$`))
      expect(await page.locator('meta[property="og:image:width"]').getAttribute('content')).toBe('1200')
      expect(await page.locator('meta[property="og:image:height"]').getAttribute('content')).toBe('630')
      expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image')
      const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').innerText())
      expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: 'Thi đua, tạo đột phá về cải cách hành chính gắn với chuyển đổi số' })
      await close()
    })

    it('prints the article alone', async () => {
      const { page, close } = await open(FLAGSHIP)
      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('header.site-header').isVisible()).toBe(false)
      expect(await page.locator('aside.sidebar').isVisible()).toBe(false)
      expect(await page.locator('h1').isVisible()).toBe(true)
      expect(await page.getByRole('button', { name: 'In bài viết' }).isVisible()).toBe(false)
      await close()
    })

    it('saves as one self-contained HTML file', async () => {
      const { page, close } = await open(FLAGSHIP)
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Lưu bài viết' }).click()])
      expect(download.suggestedFilename()).toBe('thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so.html')
      const html = fs.readFileSync((await download.path())!, 'utf8')
      expect(html).toContain('<h1>Thi đua, tạo đột phá về cải cách hành chính gắn với chuyển đổi số</h1>')
      expect(html).toContain('Tác giả: <strong>Theo Đài PT-TH tỉnh</strong>')
      expect(html).toMatch(/<img src="data:image\/jpeg;base64,/)
      expect(html).not.toMatch(/<img src="(https?:|\/)/) // nothing to fetch: it opens offline
      await close()
    })

    it('is in English where a translation exists, with a language switch both ways', async () => {
      const { page, status, close } = await open(`/en${FLAGSHIP}`)
      expect(status).toBe(200)
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(await page.locator('h1').innerText()).toMatch(/^Emulation drive/)
      expect(await page.locator('a[hreflang=vi].article__lang').getAttribute('href')).toBe(FLAGSHIP)
      await close()
      const untranslated = await open('/en/bai-viet/cay-dieu-huu-co-mo-huong-xuat-khau-moi')
      expect(untranslated.status).toBe(404)
      await untranslated.close()
    })
  })

  describe('lists', () => {
    it('a category lists its articles and paginates with ?trang=', async () => {
      const economy = await categoryId('kinh-te')
      for (let i = 0; i < 11; i += 1) {
        const created = await api('POST', '/articles', {
          title: `Tin kinh tế số ${i + 1}`,
          lead: 'Tin thử cho phân trang.',
          primaryCategory: economy,
          _status: 'published',
        })
        expect(created.status).toBe(201)
      }
      const first = await open('/chuyen-muc/kinh-te')
      expect(await first.page.locator('h1').textContent()).toBe('Kinh tế')
      expect(await first.page.locator('.article-card').count()).toBe(10)
      await first.page.getByRole('link', { name: 'Trang 2' }).click()
      await first.page.waitForURL(/\?trang=2$/)
      expect(await first.page.locator('.article-card').count()).toBe(3)
      expect(await first.page.locator('.pagination [aria-current=page]').innerText()).toBe('2')
      await first.close()
      const beyond = await open('/chuyen-muc/kinh-te?trang=9')
      expect(beyond.status).toBe(404)
      await beyond.close()
    })

    it('an author page lists the author’s articles; a tag page the tagged ones', async () => {
      const author = await open('/tac-gia/thanh-tung')
      expect(await author.page.locator('h1').textContent()).toBe('Tác giả: Thanh Tùng')
      expect(await author.page.locator('.article-card').count()).toBe(2)
      await author.close()
      const tag = await open(`/the/${encodeURIComponent('cải cách hành chính')}`)
      expect(tag.status).toBe(200)
      expect(await tag.page.locator('.article-card').count()).toBe(2)
      await tag.close()
    })
  })

  describe('search', () => {
    it('finds “cải cách hành chính” from “cai cach hanh chinh”, words highlighted', async () => {
      const { page, close } = await open('/tim-kiem?q=cai+cach+hanh+chinh')
      const titles = await page.locator('.article-card h2').allInnerTexts()
      expect(titles[0]).toBe('Thi đua, tạo đột phá về cải cách hành chính gắn với chuyển đổi số')
      expect(await page.locator('.article-card h2 mark').allInnerTexts()).toEqual(['cải', 'cách', 'hành', 'chính'])
      await close()
    })

    it('ranks title matches before matches in the lead or body', async () => {
      const { page, close } = await open('/tim-kiem?q=chuyen+doi+so')
      const titles = await page.locator('.article-card h2').allInnerTexts()
      const inTitle = titles.map((t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase().includes('chuyen doi so'))
      expect(inTitle).toContain(true)
      expect(inTitle).toContain(false)
      expect(inTitle).toEqual([...inTitle].sort((a, b) => Number(b) - Number(a)))
      await close()
    })

    it('folds đ and the query side too', async () => {
      const { page, close } = await open(`/tim-kiem?q=${encodeURIComponent('DAU TU')}`)
      expect(await page.locator('.article-card h2').allInnerTexts()).toContain('Thu hút đầu tư vào các khu công nghiệp tăng mạnh')
      await close()
    })

    it('explains a query that is too short or too long', async () => {
      const short = await open('/tim-kiem?q=a')
      expect(await short.page.locator('.search-page__error').innerText()).toBe('Vui lòng nhập ít nhất 2 ký tự để tìm kiếm.')
      await short.close()
      const long = await open(`/tim-kiem?q=${'x'.repeat(101)}`)
      expect(await long.page.locator('.search-page__error').innerText()).toBe('Từ khóa tìm kiếm không được dài quá 100 ký tự.')
      await long.close()
    })

    it('echoes the query as text, never as markup', async () => {
      const { page, close } = await open(`/tim-kiem?q=${encodeURIComponent('<img src=x onerror=window.pwned=1>')}`)
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
      expect(await page.locator('.search-page__summary').innerText()).toContain('<img src=x onerror=window.pwned=1>')
      await close()
    })
  })

  describe('feeds and crawlers', () => {
    it('/rss.xml is RSS 2.0 with the latest published articles and RFC 822 dates', async () => {
      const xml = await (await fetch(`${suite.app.url}/rss.xml`)).text()
      expect(xml).toMatch(/<rss[^>]+version="2.0"/)
      const feed = await new Parser().parseString(xml)
      expect(feed.items.length).toBeGreaterThanOrEqual(7)
      expect(feed.items.length).toBeLessThanOrEqual(30)
      for (const item of feed.items) expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
      expect(feed.items.map((i) => i.link)).not.toContain(`${DRAFT}`)
      const category = await new Parser().parseString(await (await fetch(`${suite.app.url}/chuyen-muc/van-hoa-xa-hoi/rss.xml`)).text())
      expect(category.items.map((i) => i.title)).toContain('Rực rỡ sắc màu Ngày hội văn hóa các dân tộc năm 2026')
    })

    it('the sitemap lists published articles only; robots.txt keeps crawlers out of the admin', async () => {
      const sitemap = await (await fetch(`${suite.app.url}/sitemap.xml`)).text()
      expect(sitemap).toContain(FLAGSHIP)
      expect(sitemap).not.toContain(DRAFT)
      const robots = await (await fetch(`${suite.app.url}/robots.txt`)).text()
      expect(robots).toMatch(/Disallow: \/admin/)
      expect(robots).toMatch(/Sitemap: .*\/sitemap.xml/)
    })
  })

  describe('what the public must not see', () => {
    it('a draft, an unknown page and unknown lists answer the Vietnamese 404', async () => {
      for (const path of [DRAFT, '/khong-co-trang-nay', '/chuyen-muc/khong-co', '/tac-gia/khong-co', '/the/khong-co-the-nay', '/chuyen-muc/thoi-su/trang/x']) {
        const { page, status, close } = await open(path)
        expect(status).toBe(404)
        expect(await page.locator('h1').innerText()).toBe('Không tìm thấy trang')
        await close()
      }
    })

    it('publishing shows the article at once; editing updates it; unpublishing takes it away', async () => {
      const created = await api('POST', '/articles', { title: 'Tin nóng vừa đăng', lead: 'Sapo.', primaryCategory: await categoryId('thoi-su'), _status: 'published' })
      const { slug, id } = created.body.doc
      const live = await open(`/bai-viet/${slug}`)
      expect(live.status).toBe(200)
      await live.close()
      const home = await open('/')
      expect(await home.page.locator('.featured__title').innerText()).toBe('Tin nóng vừa đăng')
      await home.close()

      expect((await api('PATCH', `/articles/${id}`, { title: 'Tin nóng đã sửa' })).status).toBe(200)
      const edited = await open(`/bai-viet/${slug}`)
      expect(await edited.page.locator('h1').innerText()).toBe('Tin nóng đã sửa')
      await edited.close()

      expect((await api('PATCH', `/articles/${id}`, { _status: 'draft' })).status).toBe(200)
      const gone = await open(`/bai-viet/${slug}`)
      expect(gone.status).toBe(404)
      await gone.close()
      const homeAfter = await open('/')
      expect(await homeAfter.page.locator('.featured__title').innerText()).not.toBe('Tin nóng đã sửa')
      await homeAfter.close()
    })
  })

  describe('accessibility', () => {
    it.each([
      ['home', '/'],
      ['article', FLAGSHIP],
      ['category', '/chuyen-muc/thoi-su'],
      ['author', '/tac-gia/minh-chau'],
      ['search', '/tim-kiem?q=chuyen+doi+so'],
      ['404', '/khong-co-trang-nay'],
      ['English home', '/en'],
      ['English article', `/en${FLAGSHIP}`],
    ])('axe finds no WCAG 2.1 AA violation on the %s page', async (_name, path) => {
      const { page, close } = await open(path)
      expect(await axeViolations(page)).toEqual([])
      await close()
    })

    it('works at 360 px wide without sideways scrolling', async () => {
      for (const path of ['/', FLAGSHIP, '/tim-kiem?q=dau+tu']) {
        const { page, close } = await open(path, { width: 360 })
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
        await close()
      }
    })

    it('an article reaches a reader lean: its stylesheet in the page, no script of Next’s, a phone’s first load within 60 KB', async () => {
      const context = await suite.browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      })
      const page = await context.newPage()
      const loaded: { url: string; bytes: number }[] = []
      page.on('requestfinished', async (request) => {
        const sizes = await request.sizes().catch(() => null)
        if (sizes) loaded.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize })
      })
      const response = await page.goto(`${suite.app.url}${FLAGSHIP}`, { waitUntil: 'load' })
      await page.waitForLoadState('networkidle')
      const html = (await response!.text()) as string
      expect(html).not.toMatch(/\/_next\/static\/[^"]*\.js/)
      expect(html).not.toMatch(/__next_f|TURBOPACK/)
      expect(html).not.toMatch(/<link\b[^>]*rel="stylesheet"/)
      expect(html).toMatch(/<style>[^<]*\.article[^<]*<\/style>/)
      expect(loaded.filter((r) => r.url.includes('/_next/'))).toEqual([])
      const total = loaded.reduce((sum, r) => sum + r.bytes, 0)
      console.log(`a phone's first load of ${FLAGSHIP}: ${(total / 1024).toFixed(1)} KB in ${loaded.length} requests: ${loaded.map((r) => `${new URL(r.url).pathname} ${(r.bytes / 1024).toFixed(1)}`).join(', ')}`)
      expect(total).toBeLessThanOrEqual(60 * 1024)
      await context.close()
    })

    it('a skip link leads keyboard users to the content', async () => {
      const { page, close } = await open('/')
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính')
      await page.keyboard.press('Enter')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung')
      await close()
    })
  })
})
