/**
 * Scheduled publishing and unpublishing of articles. The admin's schedule drawer and
 * `POST /api/articles/:id/schedule` queue the same job (Payload's `schedulePublish` task, run by
 * the job queue; see payload.config.ts `jobs`), so a newsroom that scripts gets exactly what an
 * editor clicking gets.
 */
import type { Payload, Where } from 'payload'

export const SCHEDULE_ACTIONS = ['publish', 'unpublish'] as const
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number]

/** Further ahead than this is a typo (a year 2062 for 2026), not a plan. */
export const MAX_YEARS_AHEAD = 5

// A full ISO 8601 instant: date, time, and its zone (Z or ±hh:mm); without a zone, the server's
// own zone would decide the hour.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

export const SCHEDULE_MESSAGES = {
  body: 'Nội dung gửi lên phải là một đối tượng JSON { "at", "action" }.',
  at: 'Trường "at" phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-01T09:00:00+07:00.',
  past: 'Thời điểm hẹn giờ phải ở tương lai.',
  tooFar: `Thời điểm hẹn giờ không được quá ${MAX_YEARS_AHEAD} năm kể từ bây giờ.`,
  action: 'Trường "action" phải là "publish" hoặc "unpublish".',
} as const

export type ScheduleRequest = { at: Date; action: ScheduleAction }

/** Reads `{ at, action }`; `now` decides what is past and what too far. */
export function parseScheduleRequest(body: unknown, now = new Date()): { ok: true; value: ScheduleRequest } | { ok: false; message: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: SCHEDULE_MESSAGES.body }
  const { at, action } = body as { at?: unknown; action?: unknown }
  if (typeof at !== 'string' || !ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at))) return { ok: false, message: SCHEDULE_MESSAGES.at }
  if (!SCHEDULE_ACTIONS.includes(action as ScheduleAction)) return { ok: false, message: SCHEDULE_MESSAGES.action }
  const when = new Date(at)
  if (when.getTime() <= now.getTime()) return { ok: false, message: SCHEDULE_MESSAGES.past }
  const limit = new Date(now)
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS_AHEAD)
  if (when.getTime() > limit.getTime()) return { ok: false, message: SCHEDULE_MESSAGES.tooFar }
  return { ok: true, value: { at: when, action: action as ScheduleAction } }
}

export type ScheduledChange = { id: number | string; at: string; action: ScheduleAction }

const SCHEDULE_TASK = 'schedulePublish'

/** Queues the job the admin's drawer queues; it runs as `user` (their rights apply then too). */
export async function scheduleArticle(
  payload: Payload,
  { articleId, at, action, userId }: { articleId: number; at: Date; action: ScheduleAction; userId: number },
): Promise<ScheduledChange> {
  // the id as a string, as the admin's drawer stores it: the upcoming list (ours and the drawer's)
  // matches on that
  const doc = { relationTo: 'articles' as const, value: String(articleId) as unknown as number }
  const job = await payload.jobs.queue({
    task: SCHEDULE_TASK,
    input: { type: action, doc, user: { relationTo: 'users', value: userId } },
    waitUntil: at,
  })
  return { id: job.id, at: at.toISOString(), action }
}

// A job still to run: not done, not failed.
const PENDING: Where[] = [
  { taskSlug: { equals: SCHEDULE_TASK } },
  { 'input.doc.relationTo': { equals: 'articles' } },
  { completedAt: { exists: false } },
  { hasError: { not_equals: true } },
]

const actionOf = (input: unknown): ScheduleAction => ((input as { type?: string })?.type === 'unpublish' ? 'unpublish' : 'publish')

export type UpcomingChange = ScheduledChange & { articleId: number }

/** Pending scheduled changes matching `where` as well, soonest first. */
async function pendingChanges(payload: Payload, where: Where[], limit: number): Promise<{ docs: UpcomingChange[]; totalDocs: number }> {
  const { docs, totalDocs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [...PENDING, ...where] },
    sort: 'waitUntil',
    limit,
    depth: 0,
    overrideAccess: true,
  })
  return {
    docs: docs.map((job) => ({
      id: job.id,
      at: new Date(job.waitUntil as string).toISOString(),
      action: actionOf(job.input),
      articleId: Number((job.input as { doc?: { value?: unknown } })?.doc?.value),
    })),
    totalDocs,
  }
}

/** What is still to happen to an article, soonest first. */
export async function scheduledChanges(payload: Payload, articleId: number): Promise<ScheduledChange[]> {
  const { docs } = await pendingChanges(payload, [{ 'input.doc.value': { equals: String(articleId) } }], 100)
  return docs.map(({ id, at, action }) => ({ id, at, action }))
}

/** What is still to happen to any article, soonest first (the dashboard's "Hẹn giờ" block). */
export function upcomingChanges(payload: Payload, limit = 10): Promise<{ docs: UpcomingChange[]; totalDocs: number }> {
  return pendingChanges(payload, [], limit)
}
