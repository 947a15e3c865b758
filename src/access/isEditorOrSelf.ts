import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins read the newsroom's accounts (to see who wrote what); reporters their own. */
export const isEditorOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin', 'editor')) return true
  return { id: { equals: user.id } }
}
