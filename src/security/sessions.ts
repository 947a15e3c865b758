/**
 * A user's active sessions (Payload keeps them on the user document) are theirs and the admins':
 * an editor reads colleagues' accounts to see who wrote what, not where and since when they are
 * logged in. Declared in the users collection, this merges into Payload's own `sessions` field.
 */
import { baseSessionsField, type Field, type FieldAccess } from 'payload'

import { hasRole } from '../access/roles'

const ownOrAdmin: FieldAccess = ({ doc, req: { user } }) => {
  if (!user) return false
  return hasRole(user, 'admin') || (doc?.id !== undefined && String(doc.id) === String(user.id))
}

export const sessionsField: Field = { ...baseSessionsField, access: { ...baseSessionsField.access, read: ownOrAdmin } } as Field
