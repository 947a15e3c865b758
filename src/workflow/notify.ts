/**
 * The e-mail editors get when an article is submitted for review. Sent only when the site has a
 * mail server (`SMTP_URL`); a mail that cannot be sent is logged, never a failed save.
 */
import type { Payload } from 'payload'

import { hasRole, type Role } from '../access/roles'
import { mailConfigured } from '../lib/mail'
import { absoluteUrl } from '../lib/siteUrl'

type Recipient = { email?: string | null; roles?: Role[] | null; lockUntil?: string | null }

/** Who is told: every editor and admin with an address, the one who submitted excepted. */
export function reviewRecipients(users: Recipient[], submitterEmail?: string | null): string[] {
  const emails = users
    .filter((user) => hasRole(user, 'admin', 'editor') && user.email && user.email !== submitterEmail)
    .map((user) => user.email as string)
  return [...new Set(emails)].sort()
}

export type SubmittedArticle = { id: number | string; title?: string | null; reviewNote?: string | null }

export function reviewMail(article: SubmittedArticle, submitter: { name?: string | null; email?: string | null } | null) {
  const title = article.title || '(chưa có tiêu đề)'
  const who = submitter?.name || submitter?.email || 'Một phóng viên'
  const lines = [
    `${who} đã gửi duyệt bài "${title}".`,
    article.reviewNote ? `Ghi chú: ${article.reviewNote}` : null,
    '',
    `Mở bài: ${absoluteUrl(`/admin/collections/articles/${article.id}`)}`,
    `Các bài chờ duyệt: ${absoluteUrl('/admin/cho-duyet')}`,
  ].filter((line) => line !== null)
  return { subject: `[Chờ duyệt] ${title}`, text: lines.join('\n') }
}

/** Mails the editors about a submitted article; logs and returns on any failure. */
export async function notifyEditors(
  payload: Payload,
  article: SubmittedArticle,
  submitter: { name?: string | null; email?: string | null } | null,
): Promise<string[]> {
  if (!mailConfigured()) return []
  try {
    const { docs } = await payload.find({
      collection: 'users',
      where: { roles: { in: ['admin', 'editor'] } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    const to = reviewRecipients(docs as Recipient[], submitter?.email)
    if (to.length === 0) return []
    await payload.sendEmail({ to, ...reviewMail(article, submitter) })
    return to
  } catch (error) {
    payload.logger.error({ err: error, article: article.id }, 'Không gửi được thư báo bài chờ duyệt')
    return []
  }
}
