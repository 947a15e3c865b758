import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Editors and admins: the people who may publish and manage the newsroom's shared content. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

export const isEditorField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
