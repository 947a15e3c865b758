/**
 * GET and POST /api/articles/:id/schedule: what is scheduled for an article, and scheduling its
 * publication or withdrawal, for newsrooms that script (editors and admins; the admin's drawer
 * does the same for people).
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../access/roles'
import { recordSchedule } from '../../../audit/schedule'
import { formatDateTime } from '../../../lib/dates'
import { textUpTo } from '../../../limits/body'
import { routeId } from '../../../limits/values'
import { parseScheduleRequest, scheduleArticle, scheduledChanges } from '../../../workflow/schedule'

const MAX_BODY_BYTES = 1024

const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
const refuse = (status: number, message: string) => answer(status, { errors: [{ message }] })

/** The article the request names, if the caller may schedule it; otherwise the refusal. */
async function target(req: PayloadRequest): Promise<{ id: number } | Response> {
  if (!req.user) return refuse(401, 'Bạn cần đăng nhập.')
  if (!hasRole(req.user, 'admin', 'editor')) return refuse(403, 'Chỉ biên tập viên và quản trị viên được hẹn giờ đăng hoặc gỡ bài.')
  const id = routeId(req)
  const notFound = () => refuse(404, 'Không tìm thấy bài viết.')
  if (id === null) return notFound()
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { id: { equals: id } },
    select: { slug: true },
    depth: 0,
    limit: 1,
    pagination: false,
    draft: true,
    overrideAccess: true,
    req,
  })
  return docs[0] ? { id: docs[0].id } : notFound()
}

export const scheduleEndpoints: Endpoint[] = [
  {
    path: '/:id/schedule',
    method: 'get',
    handler: async (req) => {
      const article = await target(req)
      if (article instanceof Response) return article
      return answer(200, { scheduled: await scheduledChanges(req.payload, article.id) })
    },
  },
  {
    path: '/:id/schedule',
    method: 'post',
    handler: async (req) => {
      const article = await target(req)
      if (article instanceof Response) return article
      const text = await textUpTo(req, MAX_BODY_BYTES)
      let body: unknown
      try {
        body = text === null ? undefined : JSON.parse(text)
      } catch {
        body = undefined
      }
      const parsed = parseScheduleRequest(body)
      if (!parsed.ok) return refuse(400, parsed.message)
      const { at, action } = parsed.value
      const scheduled = await scheduleArticle(req.payload, { articleId: article.id, at, action, userId: Number(req.user!.id) })
      await recordSchedule(req, { articleId: article.id, at, action })
      const verb = action === 'publish' ? 'đăng bài' : 'gỡ bài'
      return answer(201, { ...scheduled, message: `Đã hẹn giờ ${verb} lúc ${formatDateTime(at)} (giờ Việt Nam).` })
    },
  },
]
