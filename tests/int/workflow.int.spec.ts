/**
 * The review workflow ("Gửi duyệt") over REST, as the admin and scripts call it: a reporter
 * submits, an editor returns with a note or publishes; refusals say why and change nothing.
 * Also: reporters deleting their own drafts, who saved each version, and the editors' mail.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import type { Article } from '../../src/payload-types'
import { countSubmitted, reviewQueue } from '../../src/workflow/queue'
import { REVIEW_MESSAGES } from '../../src/workflow/review'
import { articleData, makeCategory, makeUser, type TestUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

type Actor = 'reporter' | 'otherReporter' | 'editor' | 'admin'
type Review = Pick<Article, 'reviewStatus' | 'reviewNote' | 'submittedAt' | '_status'>

let ctx: TestPayload
let payload: Payload
let api: RestClient
let category: number
let users: Record<Actor, TestUser>
const tokens = {} as Record<Actor, string>

beforeAll(async () => {
  // A mail server that is not there: port 9 refuses connections.
  ctx = await createTestPayload({ SMTP_URL: 'smtp://127.0.0.1:9' })
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
  users = {
    reporter: await makeUser(payload, 'reporter'),
    otherReporter: await makeUser(payload, 'reporter', 'other'),
    editor: await makeUser(payload, 'editor'),
    admin: await makeUser(payload, 'admin'),
  }
  for (const actor of Object.keys(users) as Actor[]) tokens[actor] = await api.login(users[actor].email, users[actor].password)
})

afterAll(async () => ctx?.close())

// Saves that submit would mail the editors through SMTP_URL: only the mail tests let it through.
beforeEach(() => {
  jest.spyOn(payload, 'sendEmail').mockResolvedValue({})
})

afterEach(() => jest.restoreAllMocks())

async function draftBy(author: Actor = 'reporter', extra: Partial<Article> = {}) {
  return payload.create({
    collection: 'articles',
    data: { ...articleData(category), _status: 'draft', createdBy: users[author].id, ...extra },
    draft: true,
    overrideAccess: true,
  })
}

/** The article as the newsroom sees it: its latest version. */
async function latest(id: number): Promise<Article> {
  return payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })
}

const review = ({ reviewStatus, reviewNote, submittedAt, _status }: Article): Review => ({ reviewStatus, reviewNote, submittedAt, _status })

function patch(actor: Actor, id: number, json: unknown, { draft = false } = {}) {
  return api.request('PATCH', `/articles/${id}${draft ? '?draft=true' : ''}`, { token: tokens[actor], json })
}

/**
 * The reason a refusal gives: for a 400 the field's own message (the error's names the field in
 * Vietnamese), for a 403 the error's.
 */
async function refusal(response: Response): Promise<string> {
  const body = (await response.json()) as { errors: { message: string; data?: { errors?: { message: string }[] } }[] }
  const [error] = body.errors
  if (response.status === 400) {
    expect(error!.message).toMatch(/ (Trạng thái duyệt|Ghi chú duyệt)$/)
    expect(error!.message).not.toMatch(/following/)
  }
  return error!.data?.errors?.[0]?.message ?? error!.message
}

async function submitted(author: Actor = 'reporter') {
  const doc = await draftBy(author)
  expect((await patch(author, doc.id, { reviewStatus: 'submitted' })).status).toBe(200)
  return latest(doc.id)
}

describe('a reporter hands over a draft', () => {
  it('PATCH with reviewStatus "submitted" on their own draft: 200, "Chờ duyệt", stamped with the time, still a draft', async () => {
    const doc = await draftBy('reporter')
    expect((await latest(doc.id)).reviewStatus).toBe('draft')
    const response = await patch('reporter', doc.id, { reviewStatus: 'submitted' })
    expect(response.status).toBe(200)
    const stored = await latest(doc.id)
    expect(review(stored)).toMatchObject({ reviewStatus: 'submitted', reviewNote: null, _status: 'draft' })
    expect(Math.abs(Date.parse(stored.submittedAt!) - Date.now())).toBeLessThan(60_000)
  })

  it('the same as a draft save (?draft=true, what the admin sends)', async () => {
    const doc = await draftBy('reporter')
    expect((await patch('reporter', doc.id, { reviewStatus: 'submitted', reviewNote: 'Nhờ anh xem giúp' }, { draft: true })).status).toBe(200)
    expect(review(await latest(doc.id))).toMatchObject({ reviewStatus: 'submitted', reviewNote: 'Nhờ anh xem giúp', _status: 'draft' })
  })

  it("a reporter cannot submit another reporter's draft: 403, unchanged", async () => {
    const doc = await draftBy('otherReporter')
    expect((await patch('reporter', doc.id, { reviewStatus: 'submitted' })).status).toBe(403)
    expect((await latest(doc.id)).reviewStatus).toBe('draft')
  })

  it('a reporter cannot return an article: 403 "Chỉ biên tập viên được trả lại bài.", unchanged', async () => {
    const doc = await submitted('reporter')
    const response = await patch('reporter', doc.id, { reviewStatus: 'returned', reviewNote: 'Tự trả lại' })
    expect(response.status).toBe(403)
    expect(await refusal(response)).toBe(REVIEW_MESSAGES.onlyEditorsReturn)
    expect(review(await latest(doc.id))).toEqual(review(doc))
  })

  it('submitting does not let a reporter publish: publishing stays 403', async () => {
    const doc = await submitted('reporter')
    expect((await patch('reporter', doc.id, { _status: 'published' })).status).toBe(403)
    expect(review(await latest(doc.id))).toEqual(review(doc))
  })

  it('a reporter edits a submitted draft: it stays submitted, in its place in the queue', async () => {
    const doc = await submitted('reporter')
    expect((await patch('reporter', doc.id, { title: 'Đã sửa sau khi gửi' }, { draft: true })).status).toBe(200)
    const stored = await latest(doc.id)
    expect(stored.title).toBe('Đã sửa sau khi gửi')
    expect(review(stored)).toEqual(review(doc))
  })

  it('a reporter withdraws a submitted draft: "Đang viết", out of the queue', async () => {
    const doc = await submitted('reporter')
    expect((await patch('reporter', doc.id, { reviewStatus: 'draft' })).status).toBe(200)
    expect(review(await latest(doc.id))).toMatchObject({ reviewStatus: 'draft', submittedAt: null })
    expect((await reviewQueue(payload)).docs.map((queued) => queued.id)).not.toContain(doc.id)
  })
})

describe('an editor reviews', () => {
  it('returns with a note: 200, "Trả lại", the note kept, out of the queue', async () => {
    const doc = await submitted('reporter')
    const response = await patch('editor', doc.id, { reviewStatus: 'returned', reviewNote: 'Thiếu nguồn số liệu ở đoạn 2.' })
    expect(response.status).toBe(200)
    expect(review(await latest(doc.id))).toEqual({ reviewStatus: 'returned', reviewNote: 'Thiếu nguồn số liệu ở đoạn 2.', submittedAt: null, _status: 'draft' })
    expect((await reviewQueue(payload)).docs.map((queued) => queued.id)).not.toContain(doc.id)
  })

  it.each([
    ['no note', {}],
    ['an empty note', { reviewNote: '' }],
    ['a note of spaces', { reviewNote: '   ' }],
  ])('returning with %s is 400 with a Vietnamese reason, and changes nothing', async (_label, note) => {
    const doc = await submitted('reporter')
    for (const draft of [false, true]) {
      const response = await patch('editor', doc.id, { reviewStatus: 'returned', ...note }, { draft })
      expect(response.status).toBe(400)
      expect(await refusal(response)).toBe('Trả lại bài cần có ghi chú cho phóng viên biết phải sửa gì.')
    }
    expect(review(await latest(doc.id))).toEqual(review(doc))
  })

  it('the reporter sees the note; resubmitting clears it and puts the article back in the queue', async () => {
    const doc = await submitted('reporter')
    await patch('editor', doc.id, { reviewStatus: 'returned', reviewNote: 'Ảnh thiếu chú thích.' })
    const seen = await payload.findByID({ collection: 'articles', id: doc.id, draft: true, user: users.reporter, overrideAccess: false })
    expect(seen).toMatchObject({ reviewStatus: 'returned', reviewNote: 'Ảnh thiếu chú thích.' })
    expect((await patch('reporter', doc.id, { reviewStatus: 'submitted' })).status).toBe(200)
    expect(review(await latest(doc.id))).toMatchObject({ reviewStatus: 'submitted', reviewNote: null })
    expect((await reviewQueue(payload)).docs.map((queued) => queued.id)).toContain(doc.id)
  })

  it('publishing ends the review: back to "Đang viết", no note, no time', async () => {
    const doc = await submitted('reporter')
    expect((await patch('editor', doc.id, { _status: 'published' })).status).toBe(200)
    expect(review(await latest(doc.id))).toEqual({ reviewStatus: 'draft', reviewNote: null, submittedAt: null, _status: 'published' })
  })

  it('the queue holds submitted articles only, the longest-waiting first, with who wrote them', async () => {
    const first = await submitted('reporter')
    const second = await submitted('otherReporter')
    await draftBy('reporter')
    const queue = await reviewQueue(payload)
    const ids = queue.docs.map((queued) => queued.id)
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id))
    const sorted = queue.docs.map((queued) => queued.submittedAt!)
    expect([...sorted].sort()).toEqual(sorted)
    expect(queue.docs.every((queued) => typeof queued.createdBy === 'object')).toBe(true)
    expect(queue.docs.find((queued) => queued.id === second.id)?.createdBy).toMatchObject({ id: users.otherReporter.id })
    expect(await countSubmitted(payload)).toBe(queue.totalDocs)
  })
})

describe('bad values', () => {
  it.each([
    ['an unknown state', { reviewStatus: 'approved' }, 'Trạng thái duyệt chỉ có thể là "draft" (Đang viết), "submitted" (Chờ duyệt) hoặc "returned" (Trả lại).'],
    ['a state that is not text', { reviewStatus: 2 }, 'Trạng thái duyệt chỉ có thể là "draft" (Đang viết), "submitted" (Chờ duyệt) hoặc "returned" (Trả lại).'],
    ['a note that is not text', { reviewStatus: 'submitted', reviewNote: { text: 'x' } }, 'Ghi chú duyệt phải là văn bản.'],
    ['a note over 2,000 characters', { reviewStatus: 'submitted', reviewNote: 'x'.repeat(2001) }, 'Ghi chú duyệt không được dài quá 2000 ký tự.'],
  ])('%s is 400 with its reason, nothing changed', async (_label, body, message) => {
    const doc = await draftBy('reporter')
    for (const draft of [false, true]) {
      const response = await patch('reporter', doc.id, body, { draft })
      expect(response.status).toBe(400)
      expect(await refusal(response)).toBe(message)
    }
    expect(review(await latest(doc.id))).toEqual(review(doc))
  })

  it('a submission time sent by a request is ignored', async () => {
    const doc = await draftBy('reporter')
    await patch('editor', doc.id, { submittedAt: '2020-01-01T00:00:00.000Z' })
    expect((await latest(doc.id)).submittedAt).toBeNull()
  })
})

describe('who changed what', () => {
  it('each version records the account that saved it', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { ...articleData(category), _status: 'draft' },
      draft: true,
      user: users.reporter,
      overrideAccess: false,
    })
    await patch('reporter', doc.id, { reviewStatus: 'submitted' })
    await patch('editor', doc.id, { reviewStatus: 'returned', reviewNote: 'Sửa tít.' })
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: doc.id } }, sort: 'createdAt', depth: 0 })
    expect(docs.map((version) => [version.version.updatedBy, version.version.reviewStatus])).toEqual([
      [users.reporter.id, 'draft'],
      [users.reporter.id, 'submitted'],
      [users.editor.id, 'returned'],
    ])
  })

  it('the public sees no review state, note or who saved it', async () => {
    const live = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' }, user: users.editor })
    const response = await api.request('GET', `/articles/${live.id}`)
    expect(response.status).toBe(200)
    const body = await response.json()
    for (const field of ['reviewStatus', 'reviewNote', 'submittedAt', 'updatedBy', 'firstPublishedAt', 'createdBy']) expect(body).not.toHaveProperty(field)
  })
})

describe('reporters deleting drafts', () => {
  const exists = async (id: number) => (await payload.count({ collection: 'articles', where: { id: { equals: id } }, overrideAccess: true })).totalDocs === 1

  it('a reporter deletes their own never-published draft', async () => {
    const doc = await draftBy('reporter')
    expect((await api.request('DELETE', `/articles/${doc.id}`, { token: tokens.reporter })).status).toBe(200)
    expect(await exists(doc.id)).toBe(false)
  })

  it("a reporter cannot delete another reporter's draft: 403", async () => {
    const doc = await draftBy('otherReporter')
    expect((await api.request('DELETE', `/articles/${doc.id}`, { token: tokens.reporter })).status).toBe(403)
    expect(await exists(doc.id)).toBe(true)
  })

  it('a reporter cannot delete their own article once published, even after it was unpublished: 403', async () => {
    const doc = await draftBy('reporter')
    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' }, user: users.editor })
    expect((await api.request('DELETE', `/articles/${doc.id}`, { token: tokens.reporter })).status).toBe(403)
    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'draft' }, user: users.editor })
    expect((await latest(doc.id))._status).toBe('draft')
    expect((await api.request('DELETE', `/articles/${doc.id}`, { token: tokens.reporter })).status).toBe(403)
    expect(await exists(doc.id)).toBe(true)
  })
})

describe('mail to the editors', () => {
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50))
  }

  it('a submission mails every editor and admin, once, with the title and a link', async () => {
    const send = jest.spyOn(payload, 'sendEmail').mockResolvedValue({})
    const doc = await submitted('reporter')
    await waitFor(() => send.mock.calls.length > 0)
    expect(send).toHaveBeenCalledTimes(1)
    const mail = send.mock.calls[0]![0] as { to: string[]; subject: string; text: string }
    const staff = await payload.find({ collection: 'users', where: { roles: { in: ['editor', 'admin'] } }, limit: 100, overrideAccess: true })
    expect(mail.to).toEqual(staff.docs.map((user) => user.email).sort())
    expect(mail.subject).toBe(`[Chờ duyệt] ${doc.title}`)
    expect(mail.text).toContain(`/admin/collections/articles/${doc.id}`)

    // saving it again while it waits is not a new hand-over
    await patch('reporter', doc.id, { title: 'Sửa lần nữa' }, { draft: true })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('a mail server that refuses does not fail the save: the failure is logged', async () => {
    jest.restoreAllMocks()
    const logged = jest.spyOn(payload.logger, 'error')
    const doc = await submitted('reporter')
    expect(doc.reviewStatus).toBe('submitted')
    await waitFor(() => logged.mock.calls.length > 0)
    expect(logged.mock.calls.map((call) => call[call.length - 1])).toContain('Không gửi được thư báo bài chờ duyệt')
  })

  it('without SMTP_URL nothing is sent', async () => {
    const send = jest.spyOn(payload, 'sendEmail').mockResolvedValue({})
    const saved = process.env.SMTP_URL
    delete process.env.SMTP_URL
    try {
      await submitted('reporter')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(send).not.toHaveBeenCalled()
    } finally {
      process.env.SMTP_URL = saved
    }
  })
})
