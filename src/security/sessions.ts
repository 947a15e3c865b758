/**
 * Sessions (Payload keeps them on the user document).
 *
 * A user's active sessions are theirs and the admins': an editor reads colleagues' accounts to see
 * who wrote what, not where and since when they are logged in. Declared in the users collection,
 * `sessionsField` merges into Payload's own `sessions` field.
 *
 * Logging out ends every session of the account, not only this browser's: a newsroom member who
 * logs out after using a shared or lost machine is logged out there too. (A password change already
 * ends the other sessions: Payload keeps only the changing session when `useSessions` is on.)
 */
import { baseSessionsField, type CollectionAfterLogoutHook, type Field, type FieldAccess } from 'payload'

import { hasRole } from '../access/roles'

const ownOrAdmin: FieldAccess = ({ doc, req: { user } }) => {
  if (!user) return false
  return hasRole(user, 'admin') || (doc?.id !== undefined && String(doc.id) === String(user.id))
}

export const sessionsField: Field = { ...baseSessionsField, access: { ...baseSessionsField.access, read: ownOrAdmin } } as Field

export const endEverySession: CollectionAfterLogoutHook = async ({ collection, req }) => {
  if (!req.user) return
  // Payload's logout then removes this session from what is stored, which is nothing left.
  await req.payload.db.updateOne({ collection: collection.slug, id: req.user.id, data: { sessions: [] }, req, returning: false })
}
