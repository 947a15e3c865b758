/**
 * Logging out ends every session of the account, not only this browser's: a newsroom member who
 * logs out after using a shared or lost machine is logged out there too. (A password change already
 * ends the other sessions: Payload keeps only the changing session when `useSessions` is on.)
 */
import type { CollectionAfterLogoutHook } from 'payload'

export const endEverySession: CollectionAfterLogoutHook = async ({ collection, req }) => {
  if (!req.user) return
  // Payload's logout then removes this session from what is stored, which is nothing left.
  await req.payload.db.updateOne({ collection: collection.slug, id: req.user.id, data: { sessions: [] }, req, returning: false })
}
