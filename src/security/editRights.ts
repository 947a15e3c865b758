/**
 * Whether the request's user may edit a document or a global, by the same access functions that
 * guard saving it: true, false, or a query the document must match.
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

export type Target = { collection?: string | null; id?: number | string | null; global?: string | null }

export async function canEdit(req: PayloadRequest, target: Target): Promise<boolean> {
  if (!req.user) return false
  if (target.global) {
    const global = req.payload.config.globals.find((entry) => entry.slug === target.global)
    const access = global?.access?.update
    return Boolean(global && (!access || (await access({ req }))))
  }
  if (!target.collection || target.id === undefined || target.id === null) return false
  const collection = req.payload.collections[target.collection as CollectionSlug]
  if (!collection) return false
  const access = collection.config.access?.update
  // ids are numbers in SQL, strings in MongoDB: passed on as they came
  const result = access ? await access({ req, id: target.id as number }) : true
  if (result === true) return true
  if (!result) return false
  const where: Where = { and: [{ id: { equals: target.id } }, result] }
  const { totalDocs } = await req.payload.count({ collection: collection.config.slug, where, req })
  return totalDocs > 0
}
