/**
 * Cache tags: every cached read names what it depends on, and the hook that changes that data
 * revalidates exactly those tags. One helper, so tag names cannot drift.
 */
import { revalidateTag } from 'next/cache'

export const tags = {
  /** any list of articles: home, categories, authors, tags, feeds, sitemap */
  articleLists: 'article-lists',
  article: (slug: string) => `article:${slug}`,
  categories: 'categories',
  authors: 'authors',
  site: 'global:site',
  serviceLinks: 'global:service-links',
} as const

/**
 * Revalidates tags from inside the Next server. Outside it (seed, CLI, tests through the Local
 * API) there is no cache to revalidate and Next throws; that is not an error here.
 */
export function revalidate(...names: string[]): void {
  for (const name of names) {
    try {
      revalidateTag(name, { expire: 0 })
    } catch (error) {
      if (!(error instanceof Error) || !/static generation store|outside a request scope|Invariant/i.test(error.message)) {
        throw error
      }
    }
  }
}
