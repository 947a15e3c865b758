/**
 * Rules for an account's credentials, wherever Payload sets them: a new password must pass
 * `passwordProblem` (creating an account, the first one included, changing a password, a reset
 * link), and a user changing their OWN e-mail or password proves it with the current password,
 * so that a stolen session does not become a stolen account. An admin setting another user's
 * e-mail or password needs no password of theirs.
 */
import { APIError, ValidationError, type CollectionBeforeOperationHook, type CollectionBeforeValidateHook, type Field, type PayloadRequest } from 'payload'

import { clientIp } from '../lib/clientIp'
import { clearLoginFailures, reserveLoginAttempt, throttledMessage } from './loginThrottle'
import { passwordMatches } from './passwordHash'
import { passwordProblem } from './passwords'

export const CURRENT_PASSWORD_MESSAGES = {
  missing: 'Nhập mật khẩu hiện tại để đổi e-mail hoặc mật khẩu.',
  wrong: 'Mật khẩu hiện tại không đúng.',
} as const

type FieldError = { path: string; message: string }

/** The current password, checked like a login: wrong ones count against the address's tries. */
async function currentPasswordError(req: PayloadRequest, account: { id: number | string; email: string }, given: unknown): Promise<FieldError | null> {
  if (typeof given !== 'string' || given === '') return { path: 'currentPassword', message: CURRENT_PASSWORD_MESSAGES.missing }
  const address = clientIp(req.headers)
  // counted before the check, as a login is (src/security/loginEndpoint.ts), and given back if right
  const { wait } = await reserveLoginAttempt(account.email, address)
  if (wait > 0) throw new APIError(throttledMessage(wait), 429)
  const stored = await req.payload.db.findOne<{ id: number | string; hash?: string; salt?: string }>({ collection: 'users', req, where: { id: { equals: account.id } } })
  if (stored && (await passwordMatches(given, stored))) {
    await clearLoginFailures(account.email, address)
    return null
  }
  return { path: 'currentPassword', message: CURRENT_PASSWORD_MESSAGES.wrong }
}

/** Users' beforeValidate: the current password for one's own changes, then the new password's strength. */
export const guardCredentials: CollectionBeforeValidateHook = async ({ data, operation, originalDoc, req }) => {
  if (!data) return data
  const errors: FieldError[] = []
  // Payload sets no password for an empty or missing one; anything else is checked.
  const password: unknown = data.password === undefined || data.password === null || data.password === '' ? null : data.password
  const own = operation === 'update' && req.user?.collection === 'users' && originalDoc?.id !== undefined && originalDoc.id === req.user.id
  if (own) {
    const newEmail = typeof data.email === 'string' && data.email.trim().toLowerCase() !== String(originalDoc.email).toLowerCase()
    if (password !== null || newEmail) {
      const error = await currentPasswordError(req, { id: originalDoc.id, email: String(originalDoc.email) }, data.currentPassword)
      if (error) errors.push(error)
    }
  }
  if (password !== null) {
    const problem = passwordProblem(password, { email: data.email ?? originalDoc?.email, name: data.name ?? originalDoc?.name })
    if (problem) errors.push({ path: 'password', message: problem })
  }
  if (errors.length > 0) throw new ValidationError({ collection: 'users', errors }, req.t)
  return data
}

/** Users' beforeOperation: a reset link sets the password without the collection's validate hooks seeing it. */
export const guardResetPassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const data = (args as { data?: { password?: unknown } }).data
  // Without a password Payload answers "Missing required data." itself.
  const problem = data && 'password' in data ? passwordProblem(data.password) : null
  if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: problem }] }, req.t)
  return args
}

/**
 * "Mật khẩu hiện tại", sent with one's own e-mail or password change: never stored, never read
 * back, shown only on one's own account page.
 */
export const currentPasswordField: Field = {
  name: 'currentPassword',
  type: 'text',
  virtual: true,
  label: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  hooks: { afterRead: [() => undefined] },
  admin: {
    condition: (data, _siblingData, { user }) => Boolean(data?.id !== undefined && user && data.id === user.id),
    description: {
      vi: 'Cần khi đổi e-mail hoặc mật khẩu của chính bạn.',
      en: 'Needed to change your own e-mail or password.',
    },
    components: { Field: '@/components/admin/CurrentPasswordField#CurrentPasswordField' },
  },
}
