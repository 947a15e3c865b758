/** The editors' "Chờ duyệt" queue: submitted articles, the longest-waiting first. */
import type { Payload } from 'payload'

const SUBMITTED = { reviewStatus: { equals: 'submitted' } } as const

export type QueuedArticle = {
  id: number
  title: string | null
  submittedAt: string | null
  reviewNote: string | null
  createdBy: { id: number; name?: string | null; email?: string | null } | number | null
}

/** Reads the latest version of each article (drafts live there), as the admin's list does. */
export async function reviewQueue(payload: Payload, limit = 100): Promise<{ docs: QueuedArticle[]; totalDocs: number }> {
  const { docs, totalDocs } = await payload.find({
    collection: 'articles',
    draft: true,
    where: SUBMITTED,
    sort: 'submittedAt',
    limit,
    depth: 1,
    overrideAccess: true,
    select: { title: true, submittedAt: true, reviewNote: true, createdBy: true },
  })
  return { docs: docs as unknown as QueuedArticle[], totalDocs }
}

export async function countSubmitted(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.find({
    collection: 'articles',
    draft: true,
    where: SUBMITTED,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { title: true },
  })
  return totalDocs
}
