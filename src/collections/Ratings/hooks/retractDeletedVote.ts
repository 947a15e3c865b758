import type { CollectionAfterDeleteHook } from 'payload'

import { retractVote } from '../../../ratings/store'

/** A deleted vote leaves its article's running total and count. */
export const retractDeletedVote: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const articleId = typeof doc.article === 'object' ? doc.article.id : doc.article
  await retractVote(req.payload, articleId, doc.score)
}
