import type { NewsArticle, WithContext } from 'schema-dts'

import { absoluteUrl } from '../../lib/siteUrl'
import type { Article } from '../../payload-types'

/** schema.org NewsArticle for search engines, as a string safe to put inside <script>. */
export function articleJsonLd(article: Article, url: string): string {
  const hero = typeof article.heroImage === 'object' ? article.heroImage : null
  const authors = (article.authors ?? []).filter((a) => typeof a === 'object')
  const data: WithContext<NewsArticle> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.lead ?? undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    mainEntityOfPage: url,
    image: hero?.sizes?.og?.url ? [absoluteUrl(hero.sizes.og.url)] : undefined,
    author:
      authors.length > 0
        ? authors.map((a) => ({ '@type': 'Person' as const, name: a.name, url: absoluteUrl(`/tac-gia/${a.slug}`) }))
        : article.byline
          ? { '@type': 'Organization', name: article.byline.replace(/^Theo\s+/i, '') }
          : undefined,
    keywords: article.tags?.join(', '),
  }
  // "<" escaped so that no text in the article can close the script element
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
