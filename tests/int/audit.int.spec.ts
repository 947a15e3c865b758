/**
 * The audit trail ("Nhật ký thao tác"): each action of the newsroom is recorded once, with who,
 * what and a keyed mark of the address; nobody can write, change or delete an entry by REST; only
 * admins read it; readers' votes, hits and page reads write nothing.
 */
import crypto from 'node:crypto'

import { jest } from '@jest/globals'
import { createLocalReq, type Payload, type Where } from 'payload'

import { CLIENT_IP_HEADER } from '../../src/lib/clientIp'
import { articleData, makeCategory, makeUser, type TestUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

type Actor = 'admin' | 'editor' | 'reporter'
type Entry = {
  id: number
  at: string
  action: string
  actor: number | null
  actorEmail: string | null
  targetType: string | null
  targetId: string | null
  targetTitle: string | null
  detail: string | null
  addressHash: string | null
}

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

let ctx: TestPayload
let payload: Payload
let api: RestClient
let category: number
let users: Record<Actor, TestUser>
const tokens = {} as Record<Actor, string>

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
  users = { admin: await makeUser(payload, 'admin'), editor: await makeUser(payload, 'editor'), reporter: await makeUser(payload, 'reporter') }
  for (const actor of Object.keys(users) as Actor[]) tokens[actor] = await api.login(users[actor].email, users[actor].password)
})

afterAll(async () => ctx?.close())

afterEach(() => jest.restoreAllMocks())

async function allEntries(where: Where = {}): Promise<Entry[]> {
  const { docs } = await payload.find({ collection: 'audit-log', where, sort: 'id', depth: 0, limit: 0, pagination: false, overrideAccess: true })
  return docs as unknown as Entry[]
}

/** The entries written while `action` ran, oldest first. */
async function written<T>(action: () => Promise<T>): Promise<{ result: T; entries: Entry[] }> {
  const before = await allEntries()
  const last = before.length ? before[before.length - 1]!.id : 0
  const result = await action()
  return { result, entries: await allEntries({ id: { greater_than: last } }) }
}

/** A statement run on the test's database directly (SQLite or PostgreSQL). */
async function rawSql(statement: string): Promise<void> {
  const { sql } = await import('drizzle-orm')
  const drizzle = (payload.db as unknown as { drizzle: { execute?: (query: unknown) => Promise<unknown>; run?: (query: unknown) => Promise<unknown> } }).drizzle
  await (drizzle.execute ? drizzle.execute(sql.raw(statement)) : drizzle.run!(sql.raw(statement)))
}

const as = (actor: Actor, method: string, path: string, json?: unknown, headers?: Record<string, string>) =>
  api.request(method, path, { token: tokens[actor], json, headers })

/** An article made by a script (no person: nothing recorded), as a draft or live. */
async function article(status: 'draft' | 'published', overrides = {}) {
  return payload.create({
    collection: 'articles',
    data: { ...articleData(category), _status: status, createdBy: users.reporter.id, ...overrides },
    draft: status === 'draft',
    overrideAccess: true,
  })
}

const by = (actor: Actor) => ({ actor: users[actor].id, actorEmail: users[actor].email })

describe('logins', () => {
  const login = (email: string, password: string, ip = '203.0.113.7') =>
    api.request('POST', '/users/login', { json: { email, password }, headers: { [CLIENT_IP_HEADER]: ip } })

  it('records a login once, with who, and the address as a keyed mark only', async () => {
    const { result, entries } = await written(() => login(users.editor.email, users.editor.password))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'login', ...by('editor'), targetType: 'users', targetId: String(users.editor.id) })
    const mark = entries[0]!.addressHash!
    expect(mark).toMatch(/^[\w-]{16,}$/)
    expect(mark).not.toContain('203.0.113.7')
    // not an unkeyed hash anyone could compute from a list of addresses
    for (const digest of ['hex', 'base64url'] as const) {
      expect(crypto.createHash('sha256').update('203.0.113.7').digest(digest)).not.toContain(mark)
    }
  })

  it('gives the same address the same mark, and another address another', async () => {
    const first = await written(() => login(users.editor.email, users.editor.password, '198.51.100.20'))
    const again = await written(() => login(users.editor.email, users.editor.password, '198.51.100.20'))
    const other = await written(() => login(users.editor.email, users.editor.password, '198.51.100.21'))
    expect(again.entries[0]!.addressHash).toBe(first.entries[0]!.addressHash)
    expect(other.entries[0]!.addressHash).not.toBe(first.entries[0]!.addressHash)
    const raw = JSON.stringify(await allEntries())
    expect(raw).not.toContain('198.51.100.2')
  })

  it('records a wrong password once, on the account, with why', async () => {
    const { result, entries } = await written(() => login(users.reporter.email, 'not-the-password'))
    expect(result.status).toBe(401)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'login-failed', ...by('reporter'), detail: 'Sai mật khẩu', targetType: 'users' })
    expect(entries[0]!.addressHash).toBeTruthy()
  })

  it('records an unknown e-mail once, as it was typed, with no account', async () => {
    const { result, entries } = await written(() => login('Khong.Co@Test.local', 'whatever-it-is'))
    expect(result.status).toBe(401)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'login-failed',
      actor: null,
      actorEmail: 'Khong.Co@Test.local',
      detail: 'Không có tài khoản với e-mail này',
    })
  })

  it('records each failed login once, and of the throttled ones only the first: the rest cost the sender nothing and must not cost a row each', async () => {
    const target = await makeUser(payload, 'reporter', 'bi-do-mat-khau')
    const { result: statuses, entries } = await written(async () => {
      const answers: number[] = []
      for (let i = 0; i < 12; i++) answers.push((await login(target.email, `doan-sai-${i}`, '198.51.100.99')).status)
      return answers
    })
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429])
    expect(entries).toHaveLength(11)
    expect(entries.every((entry) => entry.action === 'login-failed' && entry.actor === target.id)).toBe(true)
    expect(entries.map((entry) => entry.detail)).toEqual([...Array(10).fill('Sai mật khẩu'), 'Bị chặn tạm thời vì thử quá nhiều lần'])
  })

  it('records a logout once', async () => {
    // an account of its own: a logout ends every session of the account
    const leaving = await makeUser(payload, 'admin', 'ra-ve')
    const token = await api.login(leaving.email, leaving.password)
    const { result, entries } = await written(() => api.request('POST', '/users/logout', { token }))
    expect(result.status).toBe(200)
    expect(entries.map((entry) => entry.action)).toEqual(['logout'])
    expect(entries[0]).toMatchObject({ actor: leaving.id, actorEmail: leaving.email, targetType: 'users', targetId: String(leaving.id) })
  })
})

describe('articles', () => {
  it('records a created article once, with its title', async () => {
    const data = articleData(category)
    const { result, entries } = await written(() => as('reporter', 'POST', '/articles?draft=true', data))
    expect(result.status).toBe(201)
    const { doc } = (await result.json()) as { doc: { id: number } }
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'create', ...by('reporter'), targetType: 'articles', targetId: String(doc.id), targetTitle: data.title })
  })

  it('records a draft save once, and autosaves not at all', async () => {
    const draft = await article('draft')
    const autosaves = await written(async () => {
      for (const title of ['Bài đang gõ', 'Bài đang gõ dở']) {
        expect((await as('reporter', 'PATCH', `/articles/${draft.id}?draft=true&autosave=true`, { title })).status).toBe(200)
      }
    })
    expect(autosaves.entries).toEqual([])
    const { result, entries } = await written(() => as('reporter', 'PATCH', `/articles/${draft.id}?draft=true`, { title: 'Bài đã lưu' }))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'update', ...by('reporter'), targetId: String(draft.id), targetTitle: 'Bài đã lưu', detail: 'Lưu nháp' })
  })

  it("records a reporter's hand-over as a save \"Gửi duyệt\", once", async () => {
    const draft = await article('draft')
    const { entries } = await written(() => as('reporter', 'PATCH', `/articles/${draft.id}?draft=true`, { reviewStatus: 'submitted' }))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'update', ...by('reporter'), detail: 'Gửi duyệt' })
  })

  it('records the publication of a submitted article once, as a publish by the editor', async () => {
    const draft = await article('draft', { reviewStatus: 'submitted', submittedAt: new Date().toISOString() })
    const { result, entries } = await written(() => as('editor', 'PATCH', `/articles/${draft.id}`, { _status: 'published' }))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'publish', ...by('editor'), targetId: String(draft.id), detail: null })
  })

  it('records a draft saved over a live article as a save, and its publication as "Đăng bản sửa"', async () => {
    const live = await article('published')
    const draftSave = await written(() => as('editor', 'PATCH', `/articles/${live.id}?draft=true`, { title: 'Tiêu đề mới' }))
    expect(draftSave.entries).toHaveLength(1)
    expect(draftSave.entries[0]).toMatchObject({ action: 'update', detail: 'Lưu nháp' })
    const publish = await written(() => as('editor', 'PATCH', `/articles/${live.id}`, { _status: 'published' }))
    expect(publish.entries).toHaveLength(1)
    expect(publish.entries[0]).toMatchObject({ action: 'publish', ...by('editor'), targetTitle: 'Tiêu đề mới', detail: 'Đăng bản sửa' })
  })

  it('records an edit of a live article as a save of it', async () => {
    const live = await article('published')
    const { entries } = await written(() => as('editor', 'PATCH', `/articles/${live.id}`, { lead: 'Sapo đã sửa.' }))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'update', detail: 'Sửa bài đang đăng' })
  })

  it('records "Gỡ bài" once, even with a pending draft over the live article', async () => {
    const live = await article('published')
    await payload.update({ collection: 'articles', id: live.id, data: { title: 'Bản nháp chờ' }, draft: true, overrideAccess: true })
    const { result, entries } = await written(() => as('editor', 'PATCH', `/articles/${live.id}`, { _status: 'draft' }))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'unpublish', ...by('editor'), targetId: String(live.id) })
  })

  it('records a deleted article once, with the title it had', async () => {
    const live = await article('published')
    const { result, entries } = await written(() => as('editor', 'DELETE', `/articles/${live.id}`))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'delete', ...by('editor'), targetId: String(live.id), targetTitle: live.title })
  })

  it('records a schedule set by the endpoint once, and the publish it makes as the person who set it', async () => {
    const draft = await article('draft')
    const at = new Date(Date.now() + 3600_000)
    const scheduled = await written(() => as('editor', 'POST', `/articles/${draft.id}/schedule`, { at: at.toISOString(), action: 'publish' }))
    expect(scheduled.result.status).toBe(201)
    expect(scheduled.entries).toHaveLength(1)
    expect(scheduled.entries[0]).toMatchObject({ action: 'schedule', ...by('editor'), targetId: String(draft.id), targetTitle: draft.title })
    expect(scheduled.entries[0]!.detail).toMatch(/^Đăng bài lúc \d\d\/\d\d\/\d{4} \d\d:\d\d$/)

    // its time comes
    const { id: jobId } = (await scheduled.result.json()) as { id: number }
    await payload.update({ collection: 'payload-jobs', id: jobId, data: { waitUntil: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
    const ran = await written(() => payload.jobs.run({ queue: 'default' }))
    expect(ran.entries).toHaveLength(1)
    expect(ran.entries[0]).toMatchObject({ action: 'publish', ...by('editor'), actorEmail: users.editor.email, targetId: String(draft.id) })
  })

  it('records a schedule set and cancelled in the admin\'s drawer, once each', async () => {
    const { auditedSchedulePublish } = await import('../../src/audit/scheduleDrawer')
    const draft = await article('draft')
    const req = await createLocalReq({ user: { ...users.editor, collection: 'users' } }, payload)
    const date = new Date(Date.now() + 7200_000)
    const args = { req, importMap: {}, cookies: new Map(), locale: undefined, permissions: {}, user: req.user } as never
    const set = await written(() =>
      auditedSchedulePublish({ ...(args as object), type: 'unpublish', date, doc: { relationTo: 'articles', value: String(draft.id) } } as never),
    )
    expect(set.entries).toHaveLength(1)
    expect(set.entries[0]).toMatchObject({ action: 'schedule', ...by('editor'), targetId: String(draft.id) })
    expect(set.entries[0]!.detail).toMatch(/^Gỡ bài lúc /)

    const { docs } = await payload.find({ collection: 'payload-jobs', where: { 'input.doc.value': { equals: String(draft.id) } }, overrideAccess: true })
    const cancel = await written(() => auditedSchedulePublish({ ...(args as object), deleteID: docs[0]!.id } as never))
    expect(cancel.entries).toHaveLength(1)
    expect(cancel.entries[0]).toMatchObject({ action: 'unschedule', ...by('editor'), targetId: String(draft.id) })
  })

  it('does not fail the save when the audit entry cannot be written, and says so in the log', async () => {
    const draft = await article('draft')
    const create = payload.db.create.bind(payload.db)
    jest.spyOn(payload.db, 'create').mockImplementation(((args: { collection: string }) =>
      args.collection === 'audit-log' ? Promise.reject(new Error('disk full')) : create(args as never)) as never)
    const logged = jest.spyOn(payload.logger, 'error').mockImplementation(() => undefined)
    const { result, entries } = await written(() => as('reporter', 'PATCH', `/articles/${draft.id}?draft=true`, { title: 'Vẫn được lưu' }))
    expect(result.status).toBe(200)
    expect(entries).toEqual([])
    const saved = await payload.findByID({ collection: 'articles', id: draft.id, draft: true, overrideAccess: true })
    expect(saved.title).toBe('Vẫn được lưu')
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.stringMatching(/nhật ký thao tác/))
  })

  it('does not fail the save when the database refuses the entry, on PostgreSQL too', async () => {
    const draft = await article('draft')
    jest.spyOn(payload.logger, 'error').mockImplementation(() => undefined)
    // the trail's table gone: the INSERT fails inside the save's transaction
    await rawSql('ALTER TABLE audit_log RENAME TO audit_log_away')
    let response: Response
    try {
      response = await as('reporter', 'PATCH', `/articles/${draft.id}?draft=true`, { title: 'Lưu dù nhật ký hỏng' })
    } finally {
      await rawSql('ALTER TABLE audit_log_away RENAME TO audit_log')
    }
    expect(response.status).toBe(200)
    const saved = await payload.findByID({ collection: 'articles', id: draft.id, draft: true, overrideAccess: true })
    expect(saved.title).toBe('Lưu dù nhật ký hỏng')
    expect(payload.logger.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.anything() }), expect.stringMatching(/nhật ký thao tác/))
  })
})

describe('accounts, settings and votes', () => {
  it("records a change of a user's roles once, old → new", async () => {
    const reporter = await makeUser(payload, 'reporter', 'sap-len-bien-tap')
    const { result, entries } = await written(() => as('admin', 'PATCH', `/users/${reporter.id}`, { roles: ['editor'] }))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'role-change', ...by('admin'), targetType: 'users', targetId: String(reporter.id), detail: 'Phóng viên → Biên tập viên' })
  })

  it('records nothing for a save of a user that keeps the roles', async () => {
    const { entries } = await written(() => as('editor', 'PATCH', `/users/${users.editor.id}`, { name: 'Biên tập viên mới' }))
    expect(entries).toEqual([])
  })

  it('records a change of the site settings once, naming the fields changed', async () => {
    await payload.updateGlobal({ slug: 'site', data: { portalName: 'Cổng', agencyName: 'UBND', responsiblePerson: 'A', address: 'B', phone: '0271 1', email: 'a@b.vn' } })
    const { result, entries } = await written(() => as('admin', 'POST', '/globals/site', { phone: '0271 3879 999' }))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'global-change', ...by('admin'), targetType: 'site', targetTitle: 'Thông tin cổng', detail: 'Đã sửa: Điện thoại' })
  })

  it('records a change of the service links once', async () => {
    const { result, entries } = await written(() => as('editor', 'POST', '/globals/service-links', { groups: [] }))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'global-change', ...by('editor'), targetType: 'service-links' })
  })

  it("records nothing for a reader's vote, hits and reads; an editor deleting that vote, once", async () => {
    const live = await article('published')
    const ip = { [CLIENT_IP_HEADER]: '192.0.2.44', 'user-agent': CHROME }
    const reading = await written(async () => {
      expect((await api.request('POST', `/articles/${live.id}/rating`, { json: { score: 4 }, headers: ip })).status).toBe(201)
      const hit = await api.request('POST', '/stats/hit', { json: { path: `/bai-viet/${live.slug}`, article: live.id }, headers: ip })
      expect(hit.status).toBeLessThan(300)
      expect((await api.request('GET', `/articles?where[slug][equals]=${live.slug}`, { headers: ip })).status).toBe(200)
    })
    expect(reading.entries).toEqual([])

    const [vote] = (await payload.find({ collection: 'ratings', where: { article: { equals: live.id } }, overrideAccess: true })).docs
    const { result, entries } = await written(() => as('editor', 'DELETE', `/ratings/${vote!.id}`))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'vote-delete', ...by('editor'), targetType: 'ratings', targetId: String(vote!.id), targetTitle: `${live.title}: 4 sao` })
  })

  it('records a vote changed by staff once, old → new score', async () => {
    const live = await article('published')
    const vote = await payload.create({ collection: 'ratings', data: { article: live.id, score: 1, voterKey: 'k-1' }, overrideAccess: true })
    const { entries } = await written(() =>
      payload.update({ collection: 'ratings', id: vote.id, data: { score: 5 }, user: users.admin, overrideAccess: true }),
    )
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'vote-change', ...by('admin'), detail: '1 → 5 sao' })
  })

  it('records a recount of the votes once', async () => {
    const { result, entries } = await written(() => as('editor', 'POST', '/ratings/recompute'))
    expect(result.status).toBe(200)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'vote-recompute', ...by('editor') })
  })
})

describe('the trail itself', () => {
  it('is read by admins, newest first, and by nobody else', async () => {
    const admin = await as('admin', 'GET', '/audit-log?limit=5')
    expect(admin.status).toBe(200)
    const { docs } = (await admin.json()) as { docs: Entry[] }
    expect(docs.length).toBeGreaterThan(0)
    const times = docs.map((doc) => doc.at)
    expect([...times].sort().reverse()).toEqual(times)
    for (const actor of ['editor', 'reporter'] as const) {
      const response = await as(actor, 'GET', '/audit-log')
      expect(response.status).toBe(403)
      expect((await as(actor, 'GET', `/audit-log/${docs[0]!.id}`)).status).toBe(403)
    }
    expect((await api.request('GET', '/audit-log')).status).toBe(403)
  })

  it('cannot be written, changed or deleted by REST, even by an admin, and is left as it was', async () => {
    const before = await allEntries()
    const one = before[before.length - 1]!
    const attempts = [
      as('admin', 'POST', '/audit-log', { action: 'login', at: new Date().toISOString(), detail: 'giả mạo' }),
      as('admin', 'PATCH', `/audit-log/${one.id}`, { detail: 'đã sửa' }),
      as('admin', 'PATCH', `/audit-log?where[id][exists]=true`, { detail: 'đã sửa' }),
      as('admin', 'DELETE', `/audit-log/${one.id}`),
      as('admin', 'DELETE', `/audit-log?where[id][exists]=true`),
    ]
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Lỗi - Bạn không có quyền thực hiện lệnh này.')
    }
    expect(await allEntries()).toEqual(before)
  })
})
