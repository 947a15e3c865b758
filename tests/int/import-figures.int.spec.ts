/**
 * NukeViet's figures moved over (src/import/nukeviet/figures.ts): article views and ratings as a
 * base that what is counted here adds to, and the visit counter's history, which the counter
 * block goes on from and the statistics report shows, marked as imported.
 */
import type { Payload } from 'payload'

import { castVote, recomputeTotals } from '../../src/ratings/store'
import { articleData, makeCategory } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let category: number

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  category = (await makeCategory(payload)).id
})

afterAll(async () => ctx?.close())

const publish = (overrides = {}) =>
  payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published', ...overrides }, overrideAccess: true })

const figuresOf = async (id: number) => {
  const a = await payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })
  return { views: a.viewCount, ratingTotal: a.ratingTotal, ratingCount: a.ratingCount }
}

describe('ratings carried over', () => {
  it('"Tính lại điểm" keeps the imported base and adds the votes cast here', async () => {
    const article = await publish()
    // as the importer leaves an article NukeViet rated 17 points in 5 votes
    await payload.db.updateOne({
      collection: 'articles',
      id: article.id,
      data: { ratingBaseTotal: 17, ratingBaseCount: 5, ratingTotal: 17, ratingCount: 5 },
      returning: false,
    })
    const cast = await castVote(payload, { articleId: article.id, score: 4, voterKey: 'reader-1', ipHash: 'ip-1' })
    expect(cast).toMatchObject({ inserted: true, total: 21, count: 5 + 1 })
    await recomputeTotals(payload)
    expect(await figuresOf(article.id)).toMatchObject({ ratingTotal: 21, ratingCount: 6 })
  })
})
