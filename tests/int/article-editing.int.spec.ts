/**
 * The edit page's server side: an article Payload made on "Tạo mới" and left untouched is removed
 * on leaving, anything written in it stays; a reporter's rights are per article, so the admin's
 * permission map gives them no collection-wide update (no bulk edit, publish or unpublish).
 */
import type { Payload } from 'payload'

import { articleData, makeCategory, makeUser, type TestUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

let ctx: TestPayload
let payload: Payload
let api: RestClient
let category: number
let reporter: TestUser
let otherReporter: TestUser
let editor: TestUser
const tokens: Record<string, string> = {}

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
  reporter = await makeUser(payload, 'reporter')
  otherReporter = await makeUser(payload, 'reporter', 'other')
  editor = await makeUser(payload, 'editor')
  for (const user of [reporter, otherReporter, editor]) tokens[user.email] = await api.login(user.email, user.password)
})

afterAll(async () => ctx?.close())

/** What "Tạo mới" makes: an empty draft, created as the user. */
const newArticle = (user: TestUser) =>
  payload.create({ collection: 'articles', data: {}, draft: true, overrideAccess: false, user })

const abandon = (id: number, user: TestUser) => api.request('POST', `/articles/${id}/abandon`, { token: tokens[user.email] })

const exists = async (id: number) =>
  (await payload.count({ collection: 'articles', where: { id: { equals: id } }, draft: true, overrideAccess: true })).totalDocs === 1

describe('leaving a new article without typing', () => {
  it('removes it', async () => {
    const { id } = await newArticle(reporter)
    expect((await abandon(id, reporter)).status).toBe(200)
    expect(await exists(id)).toBe(false)
  })

  it('keeps it once anything was saved into it, even a setting', async () => {
    const { id } = await newArticle(reporter)
    await payload.update({ collection: 'articles', id, data: { allowRating: false }, draft: true, overrideAccess: false, user: reporter })
    expect((await abandon(id, reporter)).status).toBe(409)
    expect(await exists(id)).toBe(true)
  })

  it('keeps an article that has content', async () => {
    const { id } = await payload.create({
      collection: 'articles',
      data: { ...articleData(category), _status: 'draft', createdBy: reporter.id },
      draft: true,
      overrideAccess: true,
    })
    expect((await abandon(id, reporter)).status).toBe(409)
    expect(await exists(id)).toBe(true)
  })

  it('is not another reporter’s to remove; anonymous callers are refused', async () => {
    const { id } = await newArticle(reporter)
    expect((await abandon(id, otherReporter)).status).toBe(403)
    expect((await api.request('POST', `/articles/${id}/abandon`)).status).toBe(401)
    expect(await exists(id)).toBe(true)
  })
})

describe('the admin’s permission map', () => {
  const articlesUpdate = async (user: TestUser) => {
    const response = await api.request('GET', '/access', { token: tokens[user.email] })
    // Payload leaves out what is denied, and may write what is granted as `true`.
    type Granted = boolean | { permission: boolean } | undefined
    const update = ((await response.json()) as { collections: { articles?: { update?: Granted } } }).collections.articles?.update
    return typeof update === 'object' ? update.permission : Boolean(update)
  }

  it('gives a reporter no collection-wide update, so the list offers no bulk publish', async () => {
    expect(await articlesUpdate(reporter)).toBe(false)
    expect(await articlesUpdate(editor)).toBe(true)
  })

  it('still lets the reporter save their own draft, and only that', async () => {
    const { id } = await newArticle(reporter)
    const saved = await payload.update({ collection: 'articles', id, data: { title: 'Bản nháp của tôi' }, draft: true, overrideAccess: false, user: reporter })
    expect(saved.title).toBe('Bản nháp của tôi')
    const response = await api.request('PATCH', `/articles/${id}?draft=true`, { token: tokens[reporter.email], json: { lead: 'Sapo' } })
    expect(response.status).toBe(200)
    const publish = await api.request('PATCH', `/articles/${id}`, { token: tokens[reporter.email], json: { _status: 'published' } })
    expect(publish.status).toBe(403)
  })
})
