/**
 * Scheduling lands in the audit trail from both doors: `POST /api/articles/:id/schedule` calls
 * `recordSchedule`, and the admin's "Lịch xuất bản" drawer goes through Payload's
 * `schedule-publish` server function, wrapped in scheduleDrawer.ts (src/app/(payload)/layout.tsx
 * passes it).
 * The job queue writes its jobs without hooks, so neither door is seen from the jobs collection.
 * When the job runs, the publish or unpublish itself is recorded by the articles' hooks, as the
 * person who scheduled it.
 */
import type { PayloadRequest } from 'payload'

import { formatDateTime } from '../lib/dates'
import { recordAudit } from './record'

type Scheduled = { articleId: number | string; at: Date | string; action: 'publish' | 'unpublish' }

export async function articleTitle(req: PayloadRequest, id: number | string): Promise<string | null> {
  const doc = await req.payload.db.findOne<{ id: number; title?: unknown }>({ collection: 'articles', where: { id: { equals: id } }, select: { title: true }, req })
  const title = doc?.title
  if (typeof title === 'string') return title
  return title && typeof title === 'object' ? ((title as Record<string, string | undefined>).vi ?? null) : null
}

export const verb = (action: Scheduled['action']) => (action === 'unpublish' ? 'Gỡ bài' : 'Đăng bài')

/** "Hẹn giờ: Đăng bài lúc 01/12/2026 09:00" on the article. */
export async function recordSchedule(req: PayloadRequest, { articleId, at, action }: Scheduled): Promise<void> {
  await recordAudit(req, {
    action: 'schedule',
    target: { type: 'articles', id: articleId, title: await articleTitle(req, articleId) },
    detail: `${verb(action)} lúc ${formatDateTime(at)}`,
  })
}
