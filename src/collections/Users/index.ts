import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../access/isAdmin'
import { isAdminOrSelf } from '../../access/isAdminOrSelf'
import { isEditorOrSelf } from '../../access/isEditorOrSelf'
import { ROLES } from '../../access/roles'
import { withUserAudit } from '../../audit/hooks'
import { currentPasswordField, guardCredentials, guardResetPassword } from '../../security/credentials'
import { refuseFirstRegister } from '../../security/firstAdmin'
import { loginEndpoint } from '../../security/loginEndpoint'
import { resetPasswordMail } from '../../security/resetPasswordMail'
import { sessionCookieSettings } from '../../security/sessionCookie'
import { endEverySession, sessionsField } from '../../security/sessions'

const ROLE_LABELS = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  reporter: { vi: 'Phóng viên', en: 'Reporter' },
} as const

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { vi: 'Người dùng', en: 'User' }, plural: { vi: 'Người dùng', en: 'Users' } },
  auth: {
    // No account lock (anyone could lock anyone out): failed logins are throttled per address
    // and per address+account by our login endpoint (src/security/loginThrottle.ts).
    maxLoginAttempts: 0,
    // SESSION_SECONDS (default two hours): how long a login lasts without activity
    tokenExpiration: Number(process.env.SESSION_SECONDS) > 0 ? Number(process.env.SESSION_SECONDS) : 2 * 60 * 60,
    // HttpOnly, SameSite=Lax, Secure when SERVER_URL is https (src/security)
    cookies: sessionCookieSettings(),
    forgotPassword: resetPasswordMail,
  },
  // Accounts are made by an admin, never verified by e-mail: Payload's verification endpoint stays
  // on anyway and, with no token field to look in, answered any token with a 500.
  endpoints: [
    // the first admin is made on the server (npm run create-admin), never by the first visitor
    refuseFirstRegister,
    loginEndpoint,
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
  // logins, logouts, accounts made and deleted, roles changed: src/audit/ (failed logins: the login endpoint)
  hooks: withUserAudit({
    beforeOperation: [guardResetPassword],
    beforeValidate: [guardCredentials],
    afterLogout: [endEverySession],
  }),
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: isAdmin,
    read: isEditorOrSelf,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Failed logins lock no account any more (they are throttled), but Payload's unlock endpoint
    // stays: resetting an account's login state is an admin's decision, never a reporter's.
    unlock: isAdmin,
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
    sessionsField,
    currentPasswordField,
  ],
}
