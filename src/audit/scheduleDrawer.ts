/** Payload's "Lịch xuất bản" drawer, through its server function, recorded like the endpoint (schedule.ts). */
import type { ServerFunction } from 'payload'
import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'

import { formatDateTime } from '../lib/dates'
import { recordAudit } from './record'
import { articleTitle, recordSchedule, verb } from './schedule'

type JobInput = { type?: string; doc?: { relationTo?: string; value?: unknown } }
type Cancelled = { input?: JobInput; waitUntil?: string | null }

/** Payload's schedule-publish server function, recording what it scheduled or cancelled. */
export const auditedSchedulePublish: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const { req } = args
  // a cancelled schedule names only its job: read which article it was for before it goes
  let cancelled: Cancelled | null = null
  if (args.deleteID !== undefined) {
    const { docs } = await req.payload.find({
      collection: 'payload-jobs',
      where: { and: [{ id: { equals: args.deleteID } }, { taskSlug: { equals: 'schedulePublish' } }] },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    cancelled = (docs[0] as Cancelled | undefined) ?? null
  }
  const result = await schedulePublishHandler(args)
  if ((result as { error?: unknown } | undefined)?.error) return result
  if (cancelled?.input?.doc?.relationTo === 'articles') {
    const articleId = String(cancelled.input.doc.value)
    await recordAudit(req, {
      action: 'unschedule',
      target: { type: 'articles', id: articleId, title: await articleTitle(req, articleId) },
      detail: `${verb(cancelled.input.type === 'unpublish' ? 'unpublish' : 'publish')}${cancelled.waitUntil ? ` lúc ${formatDateTime(cancelled.waitUntil)}` : ''}`,
    })
  } else if (args.deleteID === undefined && args.doc?.relationTo === 'articles' && args.date) {
    await recordSchedule(req, { articleId: String(args.doc.value), at: args.date, action: args.type === 'unpublish' ? 'unpublish' : 'publish' })
  }
  return result
}
