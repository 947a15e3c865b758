/**
 * Who may do what with articles and accounts: anonymous readers, reporters, editors, admins,
 * each against create, read, update, delete and publish.
 */
import type { Payload } from 'payload'

import { articleData, makeCategory, makeUser, type TestUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let category: number
let users: Record<'admin' | 'editor' | 'reporter' | 'otherReporter', TestUser>

type Actor = 'anonymous' | 'reporter' | 'editor' | 'admin'
const as = (actor: Actor) => (actor === 'anonymous' ? { overrideAccess: false } : { overrideAccess: false, user: users[actor] })

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  category = (await makeCategory(payload)).id
  users = {
    admin: await makeUser(payload, 'admin'),
    editor: await makeUser(payload, 'editor'),
    reporter: await makeUser(payload, 'reporter'),
    otherReporter: await makeUser(payload, 'reporter', 'other'),
  }
})

afterAll(async () => ctx?.close())

/** A draft written by the given user (or by an editor), created with access overridden. */
async function draftBy(author: TestUser = users.editor) {
  return payload.create({
    collection: 'articles',
    data: { ...articleData(category), _status: 'draft', createdBy: author.id },
    draft: true,
    overrideAccess: true,
  })
}

async function published() {
  return payload.create({
    collection: 'articles',
    data: { ...articleData(category), _status: 'published', createdBy: users.editor.id },
    overrideAccess: true,
  })
}

describe('creating articles', () => {
  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['reporter', true],
    ['editor', true],
    ['admin', true],
  ])('%s creating a draft: allowed=%s', async (actor, allowed) => {
    const attempt = payload.create({
      collection: 'articles',
      data: { ...articleData(category), _status: 'draft' },
      draft: true,
      ...as(actor),
    })
    if (allowed) await expect(attempt).resolves.toMatchObject({ _status: 'draft' })
    else await expect(attempt).rejects.toMatchObject({ status: 403 })
  })

  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['reporter', false],
    ['editor', true],
    ['admin', true],
  ])('%s creating a published article: allowed=%s', async (actor, allowed) => {
    const before = await payload.count({ collection: 'articles', overrideAccess: true })
    const attempt = payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' }, ...as(actor) })
    if (allowed) {
      await expect(attempt).resolves.toMatchObject({ _status: 'published' })
    } else {
      await expect(attempt).rejects.toMatchObject({ status: 403 })
      expect((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    }
  })

  it('records the reporter who created the article, whatever the request says', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { ...articleData(category), _status: 'draft', createdBy: users.editor.id },
      draft: true,
      ...as('reporter'),
    })
    const stored = await payload.findByID({ collection: 'articles', id: doc.id, draft: true, depth: 0 })
    expect(stored.createdBy).toBe(users.reporter.id)
  })
})

describe('reading articles', () => {
  it.each<[Actor, boolean]>([
    ['anonymous', true],
    ['reporter', true],
    ['editor', true],
    ['admin', true],
  ])('%s reading a published article: allowed=%s', async (actor) => {
    const doc = await published()
    await expect(payload.findByID({ collection: 'articles', id: doc.id, ...as(actor) })).resolves.toMatchObject({ id: doc.id })
  })

  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['reporter', false],
    ['editor', true],
    ['admin', true],
  ])("%s reading an editor's unpublished draft: allowed=%s", async (actor, allowed) => {
    const doc = await draftBy(users.editor)
    const attempt = payload.findByID({ collection: 'articles', id: doc.id, draft: true, ...as(actor) })
    if (allowed) await expect(attempt).resolves.toMatchObject({ id: doc.id })
    else await expect(attempt).rejects.toMatchObject({ status: 404 })
  })

  it('a reporter reads their own draft', async () => {
    const doc = await draftBy(users.reporter)
    await expect(payload.findByID({ collection: 'articles', id: doc.id, draft: true, ...as('reporter') })).resolves.toMatchObject({
      id: doc.id,
    })
  })

  it('the public list holds published articles only', async () => {
    const draft = await draftBy(users.editor)
    const live = await published()
    const { docs } = await payload.find({ collection: 'articles', limit: 1000, ...as('anonymous') })
    const ids = docs.map((doc) => doc.id)
    expect(ids).toContain(live.id)
    expect(ids).not.toContain(draft.id)
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
  })
})

describe('updating articles', () => {
  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['reporter', false],
    ['editor', true],
    ['admin', true],
  ])("%s editing an editor's draft: allowed=%s", async (actor, allowed) => {
    const doc = await draftBy(users.editor)
    const attempt = payload.update({ collection: 'articles', id: doc.id, data: { title: 'Tiêu đề mới' }, draft: true, ...as(actor) })
    if (allowed) await expect(attempt).resolves.toMatchObject({ title: 'Tiêu đề mới' })
    else await expect(attempt).rejects.toMatchObject({ status: 403 })
  })

  it('a reporter edits their own draft', async () => {
    const doc = await draftBy(users.reporter)
    await expect(
      payload.update({ collection: 'articles', id: doc.id, data: { title: 'Bản sửa của phóng viên' }, draft: true, ...as('reporter') }),
    ).resolves.toMatchObject({ title: 'Bản sửa của phóng viên' })
  })

  it("a reporter cannot edit another reporter's draft", async () => {
    const doc = await draftBy(users.otherReporter)
    await expect(
      payload.update({ collection: 'articles', id: doc.id, data: { title: 'Sửa trộm' }, draft: true, ...as('reporter') }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('a reporter cannot change a published article, even one they wrote', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { ...articleData(category), _status: 'published', createdBy: users.reporter.id },
      overrideAccess: true,
    })
    await expect(
      payload.update({ collection: 'articles', id: doc.id, data: { title: 'Sửa sau khi đăng' }, ...as('reporter') }),
    ).rejects.toMatchObject({ status: 403 })
    const stored = await payload.findByID({ collection: 'articles', id: doc.id })
    expect(stored.title).toBe(doc.title)
  })

  it('nobody sets the view and rating counters through a request', async () => {
    const doc = await published()
    const updated = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { viewCount: 999, ratingTotal: 50, ratingCount: 10 },
      ...as('admin'),
    })
    expect(updated).toMatchObject({ viewCount: 0, ratingTotal: 0, ratingCount: 0 })
  })
})

describe('publishing articles', () => {
  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['reporter', false],
    ['editor', true],
    ['admin', true],
  ])('%s publishing a reporter draft: allowed=%s', async (actor, allowed) => {
    const doc = await draftBy(users.reporter)
    const attempt = payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' }, ...as(actor) })
    if (allowed) await expect(attempt).resolves.toMatchObject({ _status: 'published' })
    else await expect(attempt).rejects.toMatchObject({ status: 403 })
    const publicView = await payload.find({ collection: 'articles', where: { id: { equals: doc.id } }, ...as('anonymous') })
    expect(publicView.totalDocs).toBe(allowed ? 1 : 0)
  })

  it('publishing stamps publishedAt when the editor left it empty', async () => {
    const doc = await draftBy(users.reporter)
    const live = await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' }, ...as('editor') })
    expect(live.publishedAt).toBeTruthy()
    expect(Math.abs(Date.parse(live.publishedAt!) - Date.now())).toBeLessThan(60_000)
  })
})

describe('deleting articles', () => {
  // a reporter deletes only their own never-published drafts (tests/int/workflow.int.spec.ts)
  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['reporter', true],
    ['editor', true],
    ['admin', true],
  ])('%s deleting an article: allowed=%s', async (actor, allowed) => {
    const doc = await draftBy(actor === 'reporter' ? users.reporter : users.editor)
    const attempt = payload.delete({ collection: 'articles', id: doc.id, ...as(actor) })
    if (allowed) await expect(attempt).resolves.toMatchObject({ id: doc.id })
    else await expect(attempt).rejects.toMatchObject({ status: 403 })
    const left = await payload.count({ collection: 'articles', where: { id: { equals: doc.id } }, overrideAccess: true })
    expect(left.totalDocs).toBe(allowed ? 0 : 1)
  })
})

describe('accounts', () => {
  it('only an admin creates accounts', async () => {
    const data = { email: 'moi@test.local', name: 'Mới', roles: ['editor' as const], password: 'mat-khau-dai-123' }
    await expect(payload.create({ collection: 'users', data, ...as('editor') })).rejects.toMatchObject({ status: 403 })
    await expect(payload.create({ collection: 'users', data, ...as('admin') })).resolves.toMatchObject({ email: data.email })
  })

  it('a reporter cannot promote themselves', async () => {
    await payload.update({ collection: 'users', id: users.reporter.id, data: { roles: ['admin'] }, ...as('reporter') })
    const stored = await payload.findByID({ collection: 'users', id: users.reporter.id })
    expect(stored.roles).toEqual(['reporter'])
  })

  it("a reporter sees only their own account; anonymous sees none", async () => {
    const { docs } = await payload.find({ collection: 'users', ...as('reporter') })
    expect(docs.map((doc) => doc.id)).toEqual([users.reporter.id])
    await expect(payload.find({ collection: 'users', ...as('anonymous') })).rejects.toMatchObject({ status: 403 })
  })

  it('failed logins never lock an account: the right password still logs in after ten wrong ones', async () => {
    // Guessing is throttled per address instead (tests/int/login.int.spec.ts), so that nobody can lock the owner out.
    const owner = await makeUser(payload, 'editor', 'owner')
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await expect(
        payload.login({ collection: 'users', data: { email: owner.email, password: 'sai-mat-khau' } }),
      ).rejects.toMatchObject({ status: 401 })
    }
    await expect(
      payload.login({ collection: 'users', data: { email: owner.email, password: owner.password } }),
    ).resolves.toMatchObject({ user: { id: owner.id } })
  })

  it('categories and authors are the editors’ to change', async () => {
    await expect(payload.create({ collection: 'categories', data: { name: 'Mới' }, ...as('reporter') })).rejects.toMatchObject({ status: 403 })
    await expect(payload.create({ collection: 'categories', data: { name: 'Mới' }, ...as('editor') })).resolves.toMatchObject({ slug: 'moi' })
    await expect(payload.create({ collection: 'authors', data: { name: 'Tác giả' }, ...as('reporter') })).rejects.toMatchObject({ status: 403 })
  })
})
