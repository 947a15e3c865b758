/**
 * Today's figures for the admin's first screen: the same reads as the statistics view
 * (buildReport over the rollups) and the counter block (the recorder's counters), so the
 * dashboard and /admin/thong-ke never disagree.
 */
import type { Payload, PayloadRequest } from 'payload'

import { recorderFor } from './endpoints'
import { buildReport, type Period, type TopArticle } from './report'
import type { Counters } from './store'
import { bucketsOf } from './time'

/** Titles and slugs of the report's articles (deleted ones are simply missing). */
export const articleTitlesOf =
  (payload: Payload, req?: PayloadRequest) =>
  async (ids: number[]): Promise<Map<number, { title: string; slug: string }>> => {
    if (!ids.length) return new Map()
    const { docs } = await payload.find({
      collection: 'articles',
      where: { id: { in: ids } },
      select: { title: true, slug: true },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      req,
    })
    return new Map(docs.map((d) => [d.id, { title: d.title, slug: d.slug ?? '' }]))
  }

export type TodaySummary = {
  counters: Counters
  today: Period
  yesterday: Period
  topArticles: TopArticle[]
}

/** Today (Vietnam time) against yesterday, as the statistics view's "Hôm nay" preset reads it by day. */
export async function todaySummary(payload: Payload, now = Date.now()): Promise<TodaySummary> {
  const recorder = recorderFor(payload)
  const { day } = bucketsOf(now)
  const [counters, report] = await Promise.all([
    recorder.counters(),
    buildReport(recorder.db, { from: day, to: day, granularity: 'day' }, articleTitlesOf(payload)),
  ])
  return { counters, today: report.current, yesterday: report.previous, topArticles: report.topArticles.slice(0, 5) }
}
