import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Anyone with a newsroom role: admin, editor or reporter. */
export const isStaff: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reporter')

export const isStaffField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reporter')
