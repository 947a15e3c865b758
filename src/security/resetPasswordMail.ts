/**
 * The “Quên mật khẩu” mail, in Vietnamese, with a link to this site: SERVER_URL's. Without it, a
 * mail printed on the console (the demo) links to the request's own origin (src/security/origin.ts),
 * but a mail that really leaves (SMTP_URL) gets a path only: a Host header is chosen by whoever
 * asks for the reset, and would send the account's token to their domain. A deployment sets
 * SERVER_URL.
 */
import type { PayloadRequest } from 'payload'

import { mailConfigured } from '../lib/mail'
import { configuredOrigin, ownOrigin } from './origin'

export const RESET_SUBJECT = 'Đặt lại mật khẩu – Cổng thông tin'

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function resetLink(req: PayloadRequest, token: string): string {
  const { routes, admin } = req.payload.config
  const origin = configuredOrigin() ?? (mailConfigured() ? null : ownOrigin(req.headers))
  return `${origin ?? ''}${routes.admin}${admin.routes.reset}/${token}`
}

type ResetArgs = { req?: PayloadRequest; token?: string; user?: { name?: string | null; email?: string | null } }

/** Payload's `auth.forgotPassword` for the users collection (the token lasts Payload's one hour). */
export const resetPasswordMail = {
  generateEmailSubject: () => RESET_SUBJECT,
  generateEmailHTML: ({ req, token, user }: ResetArgs = {}) => {
    const link = escapeHtml(req && token ? resetLink(req, token) : '')
    const name = escapeHtml(user?.name || user?.email || '')
    return [
      `<p>Chào ${name},</p>`,
      `<p>Cổng thông tin nhận được yêu cầu đặt lại mật khẩu cho tài khoản ${escapeHtml(user?.email ?? '')}.`,
      ' Mở liên kết sau trong vòng một giờ để đặt mật khẩu mới:</p>',
      `<p><a href="${link}">${link}</a></p>`,
      '<p>Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.</p>',
    ].join('\n')
  },
}
