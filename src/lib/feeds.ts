/** RSS 2.0 feeds of the latest articles, built with `feed`. */
import { Feed } from 'feed'

import type { Article, Site } from '../payload-types'
import type { Locale } from './locale'
import { localePath } from './locale'
import { absoluteUrl, siteUrl } from './siteUrl'

export const FEED_SIZE = 30

export function buildRss({ site, articles, locale, title, path }: { site: Site; articles: Article[]; locale: Locale; title: string; path: string }): string {
  const feed = new Feed({
    id: absoluteUrl(path),
    link: absoluteUrl(path),
    title,
    description: `${site.portalName} – ${site.agencyName}`,
    language: locale,
    copyright: site.agencyName,
    updated: articles[0]?.publishedAt ? new Date(articles[0].publishedAt) : new Date(0),
    feedLinks: { rss: absoluteUrl(`${path === '/' ? '' : path}/rss.xml`) },
    generator: siteUrl(),
  })
  for (const article of articles) {
    const url = absoluteUrl(localePath(locale, `/bai-viet/${article.slug}`))
    feed.addItem({
      id: url,
      link: url,
      title: article.title,
      description: article.lead ?? undefined,
      date: new Date(article.publishedAt ?? article.createdAt),
    })
  }
  return feed.rss2()
}

export const rssResponse = (xml: string) =>
  new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
