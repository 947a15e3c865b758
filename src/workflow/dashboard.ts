/**
 * What the admin's first screen lists for the newsroom: the "Chờ duyệt" queue, what is scheduled,
 * what went live last, and a reporter's own unfinished articles. Reads only; the figures of the
 * day come from the statistics domain (src/stats/summary.ts).
 */
import type { Payload } from 'payload'

import { type QueuedArticle, reviewQueue } from './queue'
import type { ReviewStatus } from './review'
import { type UpcomingChange, upcomingChanges } from './schedule'

export type TitledChange = UpcomingChange & { title: string | null }
export type PublishedArticle = { id: number; title: string; slug: string | null; publishedAt: string | null }
export type OwnArticle = { id: number; title: string | null; reviewStatus: ReviewStatus | null; reviewNote: string | null; updatedAt: string }

const DASHBOARD_ROWS = 5

/** The editors' queue, the longest-waiting first (the same read as /admin/cho-duyet). */
export const queueBlock = (payload: Payload): Promise<{ docs: QueuedArticle[]; totalDocs: number }> => reviewQueue(payload, DASHBOARD_ROWS)

/** Upcoming scheduled publishes and unpublishes with their article's latest title. */
export async function scheduledBlock(payload: Payload): Promise<{ docs: TitledChange[]; totalDocs: number }> {
  const { docs, totalDocs } = await upcomingChanges(payload, DASHBOARD_ROWS)
  const ids = [...new Set(docs.map((d) => d.articleId).filter(Number.isFinite))]
  const { docs: articles } = ids.length
    ? await payload.find({
        collection: 'articles',
        draft: true, // a draft scheduled for publication has its title in its latest version
        where: { id: { in: ids } },
        select: { title: true },
        depth: 0,
        limit: ids.length,
        pagination: false,
        overrideAccess: true,
      })
    : { docs: [] }
  const titles = new Map(articles.map((a) => [a.id, a.title]))
  return { docs: docs.map((d) => ({ ...d, title: titles.get(d.articleId) ?? null })), totalDocs }
}

/** The articles that went live last, by their dateline. */
export async function recentlyPublished(payload: Payload): Promise<PublishedArticle[]> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    select: { title: true, slug: true, publishedAt: true },
    depth: 0,
    limit: DASHBOARD_ROWS,
    overrideAccess: true,
  })
  return docs.map((d) => ({ id: d.id, title: d.title, slug: d.slug ?? null, publishedAt: d.publishedAt ?? null }))
}

/** A reporter's own articles not yet live: returned ones first (they wait on the reporter), then the latest edited. */
export async function ownUnpublished(payload: Payload, userId: number): Promise<OwnArticle[]> {
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    where: { and: [{ createdBy: { equals: userId } }, { _status: { not_equals: 'published' } }] },
    sort: '-updatedAt',
    select: { title: true, reviewStatus: true, reviewNote: true, updatedAt: true },
    depth: 0,
    limit: 20,
    overrideAccess: true,
  })
  const rows = docs.map((d) => ({
    id: d.id,
    title: d.title ?? null,
    reviewStatus: (d.reviewStatus ?? null) as ReviewStatus | null,
    reviewNote: d.reviewNote ?? null,
    updatedAt: d.updatedAt,
  }))
  return [...rows.filter((r) => r.reviewStatus === 'returned'), ...rows.filter((r) => r.reviewStatus !== 'returned')].slice(0, DASHBOARD_ROWS * 2)
}
