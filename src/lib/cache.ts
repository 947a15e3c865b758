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
const OUTSIDE_A_REQUEST = /static generation store|outside a request scope|Invariant/i

/**
 * Revalidates tags: straight through our cache handler (this process's cache, which tells the
 * other instances), and through Next when inside a request (so that the admin's router refreshes).
 * Straight through first because Next alone cannot be trusted outside a request: the job queue's
 * timer was started inside the first request Payload served and carries that request's finished
 * context, so Next's revalidateTag succeeds there, records the tags on a request long gone and
 * revalidates nothing (scheduled articles stayed off every page). Where there is no cache handler
 * (seed, CLI, tests through the Local API) there is nothing to revalidate; that is not an error.
 */
export function revalidate(...names: string[]): void {
  const direct = (globalThis as Record<symbol, ((tags: string[]) => void) | undefined>)[REVALIDATE_TAGS]
  direct?.(names)
  for (const name of names) {
    try {
      revalidateTag(name, { expire: 0 })
    } catch (error) {
      if (!direct && !(error instanceof Error && OUTSIDE_A_REQUEST.test(error.message))) throw error
    }
  }
}
