import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Records who created the article (reporters' rights follow it) and stamps publishedAt the first
 * time the article goes live, unless the editor set a date.
 */
export const stampAuthorship: CollectionBeforeChangeHook = ({ data, operation, req, originalDoc }) => {
  if (operation === 'create' && req.user && !data.createdBy) data.createdBy = req.user.id
  if (operation === 'update' && originalDoc?.createdBy && data.createdBy === undefined) {
    data.createdBy = typeof originalDoc.createdBy === 'object' ? originalDoc.createdBy.id : originalDoc.createdBy
  }
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
