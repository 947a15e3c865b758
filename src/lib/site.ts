/** Cached reads for the portal's frame: the agency, the sidebar's links, categories, authors. */
import { unstable_cache } from 'next/cache'

import type { Author, Category, ServiceLink, Site } from '../payload-types'
import { tags } from './cache'
import type { Locale } from './locale'
import { getPayloadClient } from './payload'

export const getSite = unstable_cache(
  async (locale: Locale): Promise<Site> => {
    const payload = await getPayloadClient()
    return payload.findGlobal({ slug: 'site', locale, depth: 1 })
  },
  ['site'],
  { tags: [tags.site] },
)

export const getServiceLinks = unstable_cache(
  async (locale: Locale): Promise<ServiceLink> => {
    const payload = await getPayloadClient()
    return payload.findGlobal({ slug: 'service-links', locale, depth: 1 })
  },
  ['service-links'],
  { tags: [tags.serviceLinks] },
)

export const getCategories = unstable_cache(
  async (locale: Locale): Promise<Category[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({ collection: 'categories', locale, sort: 'order', limit: 100, depth: 0, pagination: false })
    return docs
  },
  ['categories'],
  { tags: [tags.categories] },
)

export async function getCategoryBySlug(locale: Locale, slug: string): Promise<Category | null> {
  return (await getCategories(locale)).find((category) => category.slug === slug) ?? null
}

export const getAuthorBySlug = unstable_cache(
  async (locale: Locale, slug: string): Promise<Author | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({ collection: 'authors', where: { slug: { equals: slug } }, locale, limit: 1, depth: 1 })
    return docs[0] ?? null
  },
  ['author'],
  { tags: [tags.authors] },
)
