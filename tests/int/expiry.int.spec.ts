/**
 * An article's cached page must not outlive its expiry: saving a published article with an
 * expiry queues a job for that moment, and the job revalidates the article's page and lists.
 */
import type { Payload } from 'payload'

import { articleData, makeCategory } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

const REVALIDATE_TAGS = Symbol.for('cttd.revalidateTags')

let ctx: TestPayload
let payload: Payload
let category: number

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  category = (await makeCategory(payload)).id
})

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[REVALIDATE_TAGS]
  await ctx?.close()
})

const jobsFor = async (slug: string) =>
  (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'revalidateExpiredArticle' } }, limit: 100 })).docs.filter(
    (job) => (job.input as { slug?: string })?.slug === slug,
  )

it('queues, for the moment a published article expires, a job that revalidates its page and lists', async () => {
  const expiresAt = new Date(Date.now() + 2000)
  const article = await payload.create({
    collection: 'articles',
    data: { ...articleData(category), _status: 'published', expiresAt: expiresAt.toISOString() },
  })
  const [job, ...more] = await jobsFor(article.slug!)
  expect(more).toHaveLength(0)
  expect(new Date(job!.waitUntil!).getTime()).toBe(expiresAt.getTime())

  const revalidated: string[] = []
  ;(globalThis as Record<symbol, unknown>)[REVALIDATE_TAGS] = (tags: string[]) => revalidated.push(...tags)
  await payload.jobs.run()
  expect(revalidated).toEqual([]) // not before it expires

  await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 100))
  await payload.jobs.run()
  expect(revalidated).toEqual(expect.arrayContaining([`article:${article.slug}`, 'article-lists']))
})

it('queues nothing for drafts, articles without expiry, or a save that leaves the expiry as it was', async () => {
  const draft = await payload.create({
    collection: 'articles',
    data: { ...articleData(category), _status: 'draft', expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
    draft: true,
  })
  const plain = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' } })
  expect(await jobsFor(draft.slug!)).toHaveLength(0)
  expect(await jobsFor(plain.slug!)).toHaveLength(0)

  const expiring = await payload.create({
    collection: 'articles',
    data: { ...articleData(category), _status: 'published', expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
  })
  await payload.update({ collection: 'articles', id: expiring.id, data: { lead: 'Sapo đã sửa.' } })
  expect(await jobsFor(expiring.slug!)).toHaveLength(1)
})
