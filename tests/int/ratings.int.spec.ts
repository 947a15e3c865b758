/**
 * Article ratings: one vote per reader per article, exact totals under concurrent load, clear
 * refusals that change nothing, and votes that only editors and admins can see.
 */
import type { Payload } from 'payload'

import { CLIENT_IP_HEADER } from '../../src/lib/clientIp'
import { VOTER_COOKIE } from '../../src/ratings/voter'
import { articleData, makeCategory, makeUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

const LIMIT = 5

let ctx: TestPayload
let payload: Payload
let api: RestClient
let category: number
let ipCounter = 0

beforeAll(async () => {
  ctx = await createTestPayload({ RATING_VOTES_PER_IP_PER_DAY: String(LIMIT) })
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
})

afterAll(async () => ctx?.close())

/** A fresh reader: their own address, no cookie yet. */
function reader(ip = `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`) {
  let cookie = ''
  const send = async (method: 'GET' | 'POST', articleId: number | string, init: { json?: unknown; body?: string; contentType?: string } = {}) => {
    const headers: Record<string, string> = { [CLIENT_IP_HEADER]: ip }
    if (cookie) headers.cookie = cookie
    if (init.contentType) headers['content-type'] = init.contentType
    const response = await api.request(method, `/articles/${articleId}/rating`, { ...init, headers })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) cookie = setCookie.split(';')[0]
    return response
  }
  return {
    vote: (articleId: number | string, score: unknown) => send('POST', articleId, { json: { score } }),
    post: (articleId: number | string, body: string, contentType = 'application/json') => send('POST', articleId, { body, contentType }),
    read: (articleId: number | string) => send('GET', articleId),
    get cookie() {
      return cookie
    },
  }
}

async function publishedArticle(overrides = {}) {
  return payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published', ...overrides } })
}

async function totals(articleId: number) {
  const article = await payload.findByID({ collection: 'articles', id: articleId, depth: 0 })
  const votes = await payload.find({ collection: 'ratings', where: { article: { equals: articleId } }, pagination: false, depth: 0 })
  return {
    total: article.ratingTotal,
    count: article.ratingCount,
    votes: votes.docs.length,
    voteSum: votes.docs.reduce((sum, vote) => sum + vote.score, 0),
  }
}

describe('voting', () => {
  it('records a vote and answers the new totals, the average and the reader’s score', async () => {
    const article = await publishedArticle()
    const first = await reader().vote(article.id, 4)
    expect(first.status).toBe(201)
    expect(await first.json()).toMatchObject({ total: 4, count: 1, average: 4, yourScore: 4 })
    const second = await reader().vote(article.id, 5)
    expect(await second.json()).toMatchObject({ total: 9, count: 2, average: 4.5, yourScore: 5 })
    expect(await totals(article.id)).toEqual({ total: 9, count: 2, votes: 2, voteSum: 9 })
  })

  it('gives an anonymous reader a signed, httpOnly, SameSite=Lax cookie', async () => {
    const article = await publishedArticle()
    const response = await reader().vote(article.id, 3)
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(new RegExp(`^${VOTER_COOKIE}=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+;`))
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
  })

  it('refuses a second vote by the same reader with 409 and changes nothing', async () => {
    const article = await publishedArticle()
    const someone = reader()
    await someone.vote(article.id, 2)
    const again = await someone.vote(article.id, 5)
    expect(again.status).toBe(409)
    const body = await again.json()
    expect(body.errors[0].message).toBe('Bạn đã đánh giá bài viết này')
    expect(body).toMatchObject({ total: 2, count: 1, yourScore: 2 })
    expect(await totals(article.id)).toEqual({ total: 2, count: 1, votes: 1, voteSum: 2 })
  })

  it('does not refuse readers who share an office address', async () => {
    const article = await publishedArticle()
    const office = '203.0.113.7'
    for (const score of [5, 4, 3]) expect((await reader(office).vote(article.id, score)).status).toBe(201)
    expect(await totals(article.id)).toMatchObject({ total: 12, count: 3 })
  })

  it('caps votes per article per address per day with 429, counting nothing more', async () => {
    const article = await publishedArticle()
    const busy = '198.51.100.9'
    for (let i = 0; i < LIMIT; i += 1) expect((await reader(busy).vote(article.id, 1)).status).toBe(201)
    const over = await reader(busy).vote(article.id, 1)
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await over.json()).errors[0].message).toMatch(/quá nhiều/)
    expect(await totals(article.id)).toMatchObject({ total: LIMIT, count: LIMIT })
    // another article from the same address is a separate allowance
    const other = await publishedArticle()
    expect((await reader(busy).vote(other.id, 1)).status).toBe(201)
  })

  it('tells a returning reader their score, and nobody else', async () => {
    const article = await publishedArticle()
    const someone = reader()
    await someone.vote(article.id, 5)
    expect(await (await someone.read(article.id)).json()).toMatchObject({ total: 5, count: 1, yourScore: 5 })
    const stranger = await reader().read(article.id)
    expect(stranger.headers.get('set-cookie')).toBeNull()
    expect(await stranger.json()).toMatchObject({ total: 5, count: 1, yourScore: null })
  })

  it('keys a logged-in user’s vote to the account, not the cookie', async () => {
    const article = await publishedArticle()
    const editor = await makeUser(payload, 'editor')
    const token = await api.login(editor.email, editor.password)
    const asUser = (ip: string) =>
      api.request('POST', `/articles/${article.id}/rating`, { token, json: { score: 4 }, headers: { [CLIENT_IP_HEADER]: ip } })
    expect((await asUser('192.0.2.1')).status).toBe(201)
    expect((await asUser('192.0.2.2')).status).toBe(409)
  })
})

describe('refused votes change nothing', () => {
  let article: { id: number }
  beforeAll(async () => {
    article = await publishedArticle()
  })

  it.each([
    ['no score', '{}'],
    ['a score that is text', '{"score":"5"}'],
    ['a fractional score', '{"score":4.5}'],
    ['a score of 0', '{"score":0}'],
    ['a score of 6', '{"score":6}'],
    ['a negative score', '{"score":-1}'],
    ['an extra field', '{"score":5,"voterKey":"x"}'],
    ['an array', '[5]'],
    ['null', 'null'],
    ['a body that is not JSON', '{"score": 5'],
    ['an empty body', ''],
    ['an oversized body', JSON.stringify({ score: 5, pad: 'x'.repeat(5000) })],
  ])('400 for %s', async (_label, body) => {
    const response = await reader().post(article.id, body)
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toEqual(expect.any(String))
    expect(await totals(article.id)).toEqual({ total: 0, count: 0, votes: 0, voteSum: 0 })
  })

  it('404 for an unknown, a malformed, an unpublished or an expired article', async () => {
    const draft = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'draft' }, draft: true })
    const expired = await publishedArticle({
      publishedAt: new Date(Date.now() - 48 * 3600_000).toISOString(),
      expiresAt: new Date(Date.now() - 3600_000).toISOString(),
    })
    for (const id of [987654, 'abc', '1e3', draft.id, expired.id]) {
      const response = await reader().vote(id, 5)
      expect(response.status).toBe(404)
      expect((await response.json()).errors[0].message).toBe('Không tìm thấy bài viết.')
    }
    expect((await reader().read(987654)).status).toBe(404)
    expect((await payload.count({ collection: 'ratings', where: { article: { in: [draft.id, expired.id] } } })).totalDocs).toBe(0)
  })

  it('403 when rating is turned off for the article', async () => {
    const closed = await publishedArticle({ allowRating: false })
    const response = await reader().vote(closed.id, 5)
    expect(response.status).toBe(403)
    expect((await response.json()).errors[0].message).toBe('Bài viết này không nhận đánh giá.')
    expect(await totals(closed.id)).toEqual({ total: 0, count: 0, votes: 0, voteSum: 0 })
  })

  it('nobody creates or edits votes through the REST API', async () => {
    const admin = await makeUser(payload, 'admin')
    const token = await api.login(admin.email, admin.password)
    const created = await api.request('POST', '/ratings', { token, json: { article: article.id, score: 5, voterKey: 'x' } })
    expect(created.status).toBe(403)
    expect(await totals(article.id)).toEqual({ total: 0, count: 0, votes: 0, voteSum: 0 })
  })
})

describe('the form a reader without JavaScript posts', () => {
  it('redirects back to the article with the outcome', async () => {
    const article = await publishedArticle()
    const someone = reader()
    const first = await someone.post(article.id, 'score=4', 'application/x-www-form-urlencoded')
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`/bai-viet/${article.slug}#danh-gia-cam-on`)
    const again = await someone.post(article.id, 'score=2', 'application/x-www-form-urlencoded')
    expect(again.headers.get('location')).toBe(`/bai-viet/${article.slug}#danh-gia-da-danh-gia`)
    const empty = await reader().post(article.id, '', 'application/x-www-form-urlencoded')
    expect(empty.headers.get('location')).toBe(`/bai-viet/${article.slug}#danh-gia-khong-hop-le`)
    expect(await totals(article.id)).toEqual({ total: 4, count: 1, votes: 1, voteSum: 4 })
  })
})

describe('privacy', () => {
  it('keeps votes from the public and voter keys and IP hashes from editors', async () => {
    const article = await publishedArticle()
    await reader('192.0.2.55').vote(article.id, 5)
    expect((await api.request('GET', '/ratings')).status).toBe(403)

    const editor = await makeUser(payload, 'editor')
    const editorView = await (await api.request('GET', '/ratings?limit=100', { token: await api.login(editor.email, editor.password) })).json()
    expect(editorView.docs.length).toBeGreaterThan(0)
    for (const doc of editorView.docs) {
      expect(doc).not.toHaveProperty('voterKey')
      expect(doc).not.toHaveProperty('ipHash')
    }
    const admin = await makeUser(payload, 'admin')
    const adminView = await (await api.request('GET', '/ratings?limit=100', { token: await api.login(admin.email, admin.password) })).json()
    const mine = adminView.docs.find((doc: { article: { id: number } | number }) =>
      (typeof doc.article === 'object' ? doc.article.id : doc.article) === article.id,
    )
    expect(mine.voterKey).toMatch(/^c:/)
    expect(mine.ipHash).toEqual(expect.any(String))
    expect(JSON.stringify(adminView)).not.toContain('192.0.2.55')
  })
})

describe('editors keep the totals honest', () => {
  it('deleting an abusive vote takes it out of the totals', async () => {
    const article = await publishedArticle()
    for (const score of [5, 1, 4]) await reader().vote(article.id, score)
    const abusive = await payload.find({ collection: 'ratings', where: { article: { equals: article.id }, score: { equals: 1 } } })
    const editor = await makeUser(payload, 'editor')
    const response = await api.request('DELETE', `/ratings/${abusive.docs[0].id}`, { token: await api.login(editor.email, editor.password) })
    expect(response.status).toBe(200)
    expect(await totals(article.id)).toEqual({ total: 9, count: 2, votes: 2, voteSum: 9 })
  })

  it('"recompute from votes" rebuilds every aggregate from the Ratings collection', async () => {
    const article = await publishedArticle()
    for (const score of [3, 4]) await reader().vote(article.id, score)
    await payload.db.updateOne({ collection: 'articles', id: article.id, data: { ratingTotal: 999, ratingCount: 77 } })

    expect((await api.request('POST', '/ratings/recompute')).status).toBe(403)
    const editor = await makeUser(payload, 'editor')
    const response = await api.request('POST', '/ratings/recompute', { token: await api.login(editor.email, editor.password) })
    expect(response.status).toBe(200)
    expect((await response.json()).changed).toBeGreaterThanOrEqual(1)
    expect(await totals(article.id)).toEqual({ total: 7, count: 2, votes: 2, voteSum: 7 })
  })

  it('an editor saving the article does not undo votes', async () => {
    const article = await publishedArticle()
    const stale = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    await reader().vote(article.id, 5)
    const editor = await makeUser(payload, 'editor')
    await payload.update({ collection: 'articles', id: article.id, data: { ...stale, title: 'Đã sửa' }, user: editor, overrideAccess: false })
    expect(await totals(article.id)).toMatchObject({ total: 5, count: 1 })

    await payload.update({ collection: 'articles', id: article.id, data: { title: 'Bản nháp mới' }, draft: true, user: editor, overrideAccess: false })
    await reader().vote(article.id, 3)
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    expect(await totals(article.id)).toMatchObject({ total: 8, count: 2 })
  })
})

describe('deleting an article', () => {
  it('takes its votes with it', async () => {
    const article = await publishedArticle()
    await reader().vote(article.id, 5)
    await payload.delete({ collection: 'articles', id: article.id })
    expect((await payload.count({ collection: 'ratings', where: { article: { equals: article.id } } })).totalDocs).toBe(0)
  })
})

describe('under concurrent load', () => {
  it('200 distinct readers voting at once give exact totals', async () => {
    const article = await publishedArticle()
    const scores = Array.from({ length: 200 }, (_, i) => (i % 5) + 1)
    const responses = await Promise.all(scores.map((score, i) => reader(`172.16.${Math.floor(i / 200)}.${i % 200}`).vote(article.id, score)))
    expect(responses.map((r) => r.status)).toEqual(scores.map(() => 201))
    expect(await totals(article.id)).toEqual({ total: 600, count: 200, votes: 200, voteSum: 600 })
  })

  it('50 simultaneous repeats by one reader make exactly one vote', async () => {
    const article = await publishedArticle()
    const someone = reader('172.17.0.1')
    await someone.read(article.id)
    const first = await someone.vote(article.id, 3) // gets the cookie
    expect(first.status).toBe(201)
    const repeats = await Promise.all(Array.from({ length: 50 }, () => someone.vote(article.id, 5)))
    expect(repeats.every((r) => r.status === 409 || r.status === 429)).toBe(true)
    expect(await totals(article.id)).toEqual({ total: 3, count: 1, votes: 1, voteSum: 3 })
  })

  it('50 simultaneous first votes by one logged-in reader make exactly one vote', async () => {
    const article = await publishedArticle()
    const editor = await makeUser(payload, 'editor')
    const token = await api.login(editor.email, editor.password)
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.request('POST', `/articles/${article.id}/rating`, { token, json: { score: 4 }, headers: { [CLIENT_IP_HEADER]: `172.18.0.${i}` } }),
      ),
    )
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1)
    expect(responses.filter((r) => r.status === 409)).toHaveLength(49)
    expect(await totals(article.id)).toEqual({ total: 4, count: 1, votes: 1, voteSum: 4 })
  })
})
