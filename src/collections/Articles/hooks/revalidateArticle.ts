import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { revalidate, tags } from '../../../lib/cache'

/**
 * Public pages show published articles: when one is published, edited while published,
 * unpublished or deleted, its page and every list that may hold it are revalidated. Draft saves
 * of unpublished articles and autosaves change nothing public.
 */
export const revalidateChangedArticle: CollectionAfterChangeHook = ({ doc, previousDoc, req }) => {
  if (req.query?.autosave === 'true') return doc
  const wasPublic = previousDoc?._status === 'published'
  if (doc._status === 'published' || wasPublic) {
    revalidate(tags.article(doc.slug), tags.articleLists)
    if (previousDoc?.slug && previousDoc.slug !== doc.slug) revalidate(tags.article(previousDoc.slug))
  }
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook = ({ doc }) => {
  revalidate(tags.article(doc.slug), tags.articleLists)
  return doc
}
