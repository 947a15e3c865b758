/** The portal's reads of articles: always as the public sees them (access rules applied). */
import type { Article } from '../payload-types'
import { getPayloadClient } from './payload'

export async function getLatestArticles(limit = 20): Promise<Article[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    sort: '-publishedAt',
    limit,
    depth: 1,
    overrideAccess: false,
    select: { title: true, slug: true, lead: true, publishedAt: true, heroImage: true, primaryCategory: true },
  })
  return docs as Article[]
}

export async function getArticleBySlug(slug: string): Promise<Article | null> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 2,
    overrideAccess: false,
  })
  return docs[0] ?? null
}
