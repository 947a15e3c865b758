import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../access/isAdmin'
import { isAdminOrSelf } from '../../access/isAdminOrSelf'
import { isEditorOrSelf } from '../../access/isEditorOrSelf'
import { ROLES } from '../../access/roles'
import { userAuditHooks } from '../../audit/hooks'

const ROLE_LABELS = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  reporter: { vi: 'Phóng viên', en: 'Reporter' },
} as const

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { vi: 'Người dùng', en: 'User' }, plural: { vi: 'Người dùng', en: 'Users' } },
  auth: {
    // Repeated failures lock the account for a while instead of letting guesses run on.
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    // SESSION_SECONDS (default two hours): how long a login lasts without activity
    tokenExpiration: Number(process.env.SESSION_SECONDS) > 0 ? Number(process.env.SESSION_SECONDS) : 2 * 60 * 60,
  },
  // Accounts are made by an admin, never verified by e-mail: Payload's verification endpoint stays
  // on anyway and, with no token field to look in, answered any token with a 500.
  endpoints: [
    {
      path: '/verify/:token',
      method: 'post',
      handler: () => Response.json({ errors: [{ message: 'Liên kết xác minh không tồn tại: cổng không dùng xác minh e-mail.' }] }, { status: 404 }),
    },
  ],
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: { vi: 'Hệ thống', en: 'System' },
  },
  // logins (and failed ones), logouts, accounts made and deleted, roles changed: src/audit/
  hooks: userAuditHooks,
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: isAdmin,
    read: isEditorOrSelf,
    update: isAdminOrSelf,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Name' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['reporter'],
      saveToJWT: true,
      label: { vi: 'Vai trò', en: 'Roles' },
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      access: { create: isAdminField, update: isAdminField },
    },
  ],
}
