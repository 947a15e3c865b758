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

/** Set by cache-handler.cjs in the server process: revalidates tags without a request. */
const REVALIDATE_TAGS = Symbol.for('cttd.revalidateTags')

/**
 * Revalidates tags. Inside a request of the Next server, through Next. Outside a request but in
 * the server process (a job run by the queue), straight through our cache handler. Elsewhere
 * (seed, CLI, tests through the Local API) there is no cache to revalidate; that is not an error.
 */
export function revalidate(...names: string[]): void {
  for (const name of names) {
    try {
      revalidateTag(name, { expire: 0 })
    } catch (error) {
      if (!(error instanceof Error) || !/static generation store|outside a request scope|Invariant/i.test(error.message)) {
        throw error
      }
      ;(globalThis as Record<symbol, ((tags: string[]) => void) | undefined>)[REVALIDATE_TAGS]?.([name])
    }
  }
}
