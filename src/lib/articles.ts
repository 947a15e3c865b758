/**
 * The portal's reads of articles, always as the public sees them (access rules applied), cached
 * under the tags that the article hooks revalidate.
 */
import { unstable_cache } from 'next/cache'
import type { Where } from 'payload'

import type { Article } from '../payload-types'
import { tags } from './cache'
import type { Locale } from './locale'
import { getPayloadClient } from './payload'

const LIST_SELECT = {
  title: true,
  slug: true,
  lead: true,
  publishedAt: true,
  heroImage: true,
  primaryCategory: true,
} as const

export type ArticlePage = { docs: Article[]; page: number; totalPages: number; totalDocs: number }

async function findArticles(locale: Locale, where: Where, { limit, page = 1 }: { limit: number; page?: number }): Promise<ArticlePage> {
  const payload = await getPayloadClient()
  const result = await payload.find({
    collection: 'articles',
    where: locale === 'vi' ? where : { and: [where, { title: { exists: true } }] },
    sort: '-publishedAt',
    limit,
    page,
    depth: 1,
    locale,
    fallbackLocale: false,
    overrideAccess: false,
    select: LIST_SELECT,
  })
  return {
    docs: result.docs as Article[],
    page: result.page ?? page,
    totalPages: result.totalPages,
    totalDocs: result.totalDocs,
  }
}

export const getLatestArticles = unstable_cache(
  async (locale: Locale, limit = 20, page = 1) => findArticles(locale, {}, { limit, page }),
  ['latest-articles'],
  { tags: [tags.articleLists] },
)

export const getArticlesInCategory = unstable_cache(
  async (locale: Locale, categoryId: number, limit: number, page = 1) =>
    findArticles(locale, { categories: { in: [categoryId] } }, { limit, page }),
  ['category-articles'],
  { tags: [tags.articleLists] },
)

export const getArticlesByAuthor = unstable_cache(
  async (locale: Locale, authorId: number, limit: number, page = 1) =>
    findArticles(locale, { authors: { in: [authorId] } }, { limit, page }),
  ['author-articles'],
  { tags: [tags.articleLists] },
)

export const getArticlesWithTag = unstable_cache(
  async (locale: Locale, tag: string, limit: number, page = 1) =>
    findArticles(locale, { tags: { in: [tag] } }, { limit, page }),
  ['tag-articles'],
  { tags: [tags.articleLists] },
)

export async function getArticleBySlug(locale: Locale, slug: string): Promise<Article | null> {
  return unstable_cache(
    async () => {
      const payload = await getPayloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 2,
        locale,
        fallbackLocale: false,
        overrideAccess: false,
      })
      const article = docs[0]
      return article && article.title ? article : null
    },
    ['article', locale, slug],
    { tags: [tags.article(slug)] },
  )()
}

/** Which locales an article exists in (for the language switch and hreflang). */
export async function getArticleLocales(slug: string): Promise<Locale[]> {
  const english = await getArticleBySlug('en', slug)
  return english ? ['vi', 'en'] : ['vi']
}

/** An article as its author or an editor sees it in preview: latest draft, access rules applied. */
export async function getArticlePreview(locale: Locale, slug: string, headers: Headers): Promise<Article | null> {
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers })
  if (!user) return null
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    draft: true,
    limit: 1,
    depth: 2,
    locale,
    fallbackLocale: false,
    overrideAccess: false,
    user,
  })
  return docs[0]?.title ? docs[0] : null
}
