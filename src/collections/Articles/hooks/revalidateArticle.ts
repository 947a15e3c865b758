import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { REVALIDATE_EXPIRED_ARTICLE } from '../../../jobs/revalidateExpiredArticle'
import { revalidate, tags } from '../../../lib/cache'

/**
 * Public pages show published articles: when one is published, edited while published,
 * unpublished or deleted, its page and every list that may hold it are revalidated. Draft saves
 * of unpublished articles and autosaves change nothing public.
 */
export const revalidateChangedArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.query?.autosave === 'true') return doc
  const wasPublic = previousDoc?._status === 'published'
  if (doc._status === 'published' || wasPublic) {
    revalidate(tags.article(doc.slug), tags.articleLists)
    if (previousDoc?.slug && previousDoc.slug !== doc.slug) revalidate(tags.article(previousDoc.slug))
  }
  // The moment it expires, its cached page and lists must go too.
  const expiresAt = doc.expiresAt ? new Date(doc.expiresAt) : null
  const expiryChanged = !wasPublic || expiresAt?.getTime() !== new Date(previousDoc?.expiresAt ?? 0).getTime()
  if (doc._status === 'published' && expiresAt && expiresAt.getTime() > Date.now() && expiryChanged) {
    await req.payload.jobs.queue({ task: REVALIDATE_EXPIRED_ARTICLE, input: { slug: doc.slug }, waitUntil: expiresAt, req })
  }
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook = ({ doc }) => {
  revalidate(tags.article(doc.slug), tags.articleLists)
  return doc
}
