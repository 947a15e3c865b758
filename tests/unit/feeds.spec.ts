import { buildRss } from '../../src/lib/feeds'
import type { Article, Site } from '../../src/payload-types'

const site = { portalName: 'Cổng thông tin điện tử', agencyName: 'UBND tỉnh' } as Site
const article = (slug: string, publishedAt: string) =>
  ({ id: 1, slug, title: `Bài ${slug}`, lead: 'Sapo & "trích dẫn"', publishedAt, createdAt: publishedAt }) as Article

describe('RSS feeds', () => {
  const xml = buildRss({
    site,
    locale: 'vi',
    title: 'Cổng thông tin điện tử',
    path: '/',
    articles: [article('moi', '2022-02-23T13:22:00.000Z'), article('cu', '2021-12-31T17:00:00.000Z')],
  })

  it('is RSS 2.0 in Vietnamese', () => {
    expect(xml).toMatch(/<rss[^>]*version="2.0"/)
    expect(xml).toContain('<language>vi</language>')
  })

  it('dates items in RFC 822, in GMT', () => {
    expect(xml).toContain('<pubDate>Wed, 23 Feb 2022 13:22:00 GMT</pubDate>')
    expect(xml).toContain('<pubDate>Fri, 31 Dec 2021 17:00:00 GMT</pubDate>')
    expect(xml).toContain('<lastBuildDate>Wed, 23 Feb 2022 13:22:00 GMT</lastBuildDate>')
  })

  it('links each item to its article page and keeps the lead as text', () => {
    expect(xml).toMatch(/<link>http[^<]*\/bai-viet\/moi<\/link>/)
    expect(xml).toContain('<description><![CDATA[Sapo & "trích dẫn"]]></description>')
  })
})
