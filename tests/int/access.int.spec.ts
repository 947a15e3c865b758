/**
 * Who may do what with articles and accounts: anonymous readers, reporters, editors, admins,
 * each against create, read, update, delete and publish; images, account unlocking, sessions,
 * document locks and the job queue.
 */
import fs from 'node:fs'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'
import sharp from 'sharp'

import { lockStatusOnlyForEditors } from '../../src/security/locks'
import { imageWithCaption, paragraph, richText } from '../../src/seed/lexical'
import { articleData, makeCategory, makeUser, type TestUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

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

/** A small JPEG uploaded as the given user (access overridden), recording them as its uploader. */
async function imageBy(uploader: TestUser, alt = 'Ảnh thử') {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 40, b: 40 } } }).jpeg().toBuffer()
  return payload.create({
    collection: 'images',
    data: { alt },
    file: { data, mimetype: 'image/jpeg', name: 'anh-thu.jpg', size: data.length },
    user: uploader,
    overrideAccess: true,
  })
}

async function otherJpeg() {
  const data = await sharp({ create: { width: 50, height: 50, channels: 3, background: { r: 0, g: 0, b: 0 } } }).jpeg().toBuffer()
  return { data, mimetype: 'image/jpeg', name: 'thay-the.jpg', size: data.length }
}

const onDisk = (filename: string | null | undefined) => fs.existsSync(path.join(process.env.MEDIA_DIR!, filename!))

const IN_USE = 'Ảnh đang được dùng trên cổng (bài đã xuất bản, tác giả hoặc cấu hình trang): chỉ biên tập viên được thay hoặc xóa ảnh này.'

describe('images', () => {
  it("a reporter cannot replace an editor's image, its alt text or its file; the old file stays on disk", async () => {
    const image = await imageBy(users.editor, 'Ảnh của biên tập viên')
    await expect(
      payload.update({ collection: 'images', id: image.id, data: { alt: 'Bị thay' }, file: await otherJpeg(), ...as('reporter') }),
    ).rejects.toMatchObject({ status: 403 })
    const stored = await payload.findByID({ collection: 'images', id: image.id })
    expect(stored).toMatchObject({ alt: 'Ảnh của biên tập viên', filename: image.filename })
    expect(onDisk(image.filename)).toBe(true)
    await expect(payload.delete({ collection: 'images', id: image.id, ...as('reporter') })).rejects.toMatchObject({ status: 403 })
    expect(onDisk(image.filename)).toBe(true)
  })

  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['reporter', false],
    ['editor', true],
    ['admin', true],
  ])("%s changing another person's image: allowed=%s", async (actor, allowed) => {
    const image = await imageBy(users.otherReporter)
    const attempt = payload.update({ collection: 'images', id: image.id, data: { alt: 'Sửa' }, ...as(actor) })
    if (allowed) await expect(attempt).resolves.toMatchObject({ alt: 'Sửa' })
    else await expect(attempt).rejects.toMatchObject({ status: 403 })
  })

  it("a reporter asking to change someone else's image learns nothing of where it is used: the plain refusal", async () => {
    const image = await imageBy(users.editor, 'Ảnh chân dung')
    await payload.create({ collection: 'authors', data: { name: 'Tác giả có ảnh của người khác', photo: image.id }, overrideAccess: true })
    await expect(payload.update({ collection: 'images', id: image.id, data: { alt: 'Sửa' }, ...as('reporter') })).rejects.toMatchObject({
      status: 403,
      message: 'Lỗi - Bạn không có quyền thực hiện lệnh này.',
    })
  })

  it('records who uploaded an image, whatever the request says, and nobody changes it', async () => {
    const data = (await otherJpeg()).data
    const image = await payload.create({
      collection: 'images',
      data: { alt: 'Ảnh mới', uploadedBy: users.editor.id },
      file: { data, mimetype: 'image/jpeg', name: 'moi.jpg', size: data.length },
      ...as('reporter'),
    })
    expect((await payload.findByID({ collection: 'images', id: image.id, depth: 0 })).uploadedBy).toBe(users.reporter.id)
    await payload.update({ collection: 'images', id: image.id, data: { uploadedBy: users.editor.id }, ...as('admin') })
    expect((await payload.findByID({ collection: 'images', id: image.id, depth: 0 })).uploadedBy).toBe(users.reporter.id)
  })

  it('a reporter changes and deletes their own image that nothing published uses', async () => {
    const image = await imageBy(users.reporter)
    const replaced = await payload.update({ collection: 'images', id: image.id, data: { alt: 'Ảnh đã sửa' }, file: await otherJpeg(), ...as('reporter') })
    expect(replaced).toMatchObject({ alt: 'Ảnh đã sửa', width: 50 })
    // their own draft may use it: only what readers see is protected
    await draftBy(users.reporter).then((draft) =>
      payload.update({ collection: 'articles', id: draft.id, data: { heroImage: image.id }, draft: true, overrideAccess: true }),
    )
    await expect(payload.delete({ collection: 'images', id: image.id, ...as('reporter') })).resolves.toMatchObject({ id: image.id })
    expect(onDisk(replaced.filename)).toBe(false)
  })

  const uses: [string, (id: number) => Promise<unknown>][] = [
    [
      'the hero image of a published article',
      (id) => payload.create({ collection: 'articles', data: { ...articleData(category), heroImage: id, _status: 'published' }, overrideAccess: true }),
    ],
    [
      "an image block in a published article's body",
      (id) =>
        payload.create({
          collection: 'articles',
          data: { ...articleData(category), body: richText([paragraph('Mở đầu.'), imageWithCaption(id, 'Chú thích')]), _status: 'published' },
          overrideAccess: true,
        }),
    ],
    [
      "an image inside a published article's English body",
      async (id) => {
        const doc = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' }, overrideAccess: true })
        const upload = { type: 'upload', version: 3, format: '', id: 'x1', fields: null, relationTo: 'images', value: id }
        await payload.update({ collection: 'articles', id: doc.id, locale: 'en', data: { title: 'English', body: richText([upload]) }, overrideAccess: true })
      },
    ],
    ['the photo of an author', (id) => payload.create({ collection: 'authors', data: { name: 'Tác giả có ảnh', photo: id }, overrideAccess: true })],
    [
      "the site's emblem",
      (id) =>
        payload.updateGlobal({
          slug: 'site',
          data: { portalName: 'Cổng', agencyName: 'Sở', emblem: id, responsiblePerson: 'A', address: 'B', phone: '1', email: 'a@b.vn' },
          overrideAccess: true,
        }),
    ],
    [
      'a service-link banner',
      (id) => payload.updateGlobal({ slug: 'service-links', data: { groups: [{ links: [{ title: 'Dịch vụ', url: '/', banner: id }] }] }, overrideAccess: true }),
    ],
  ]

  it.each(uses)('a reporter cannot change or delete their own image once it is %s', async (_, use) => {
    const image = await imageBy(users.reporter, 'Ảnh đang dùng')
    await use(image.id)
    await expect(
      payload.update({ collection: 'images', id: image.id, data: { alt: 'Đổi' }, file: await otherJpeg(), ...as('reporter') }),
    ).rejects.toMatchObject({ status: 403, message: IN_USE })
    await expect(payload.delete({ collection: 'images', id: image.id, ...as('reporter') })).rejects.toMatchObject({ status: 403, message: IN_USE })
    // a bulk delete goes through the same check, image by image
    const bulk = await payload.delete({ collection: 'images', where: { id: { equals: image.id } }, ...as('reporter') })
    expect(bulk.docs).toHaveLength(0)
    const stored = await payload.findByID({ collection: 'images', id: image.id })
    expect(stored).toMatchObject({ alt: 'Ảnh đang dùng', filename: image.filename })
    expect(onDisk(image.filename)).toBe(true)
    // an editor may
    await expect(payload.update({ collection: 'images', id: image.id, data: { alt: 'Biên tập viên sửa' }, ...as('editor') })).resolves.toMatchObject({
      alt: 'Biên tập viên sửa',
    })
  })

  it('a draft that no one has published yet does not protect the image', async () => {
    const image = await imageBy(users.reporter)
    await payload.create({ collection: 'articles', data: { ...articleData(category), heroImage: image.id, _status: 'draft' }, draft: true, overrideAccess: true })
    await expect(payload.update({ collection: 'images', id: image.id, data: { alt: 'Vẫn sửa được' }, ...as('reporter') })).resolves.toMatchObject({
      alt: 'Vẫn sửa được',
    })
  })

  it('reporters edit images one by one, never in bulk', async () => {
    const image = await imageBy(users.reporter, 'Một')
    await expect(
      payload.update({ collection: 'images', where: { id: { equals: image.id } }, data: { alt: 'Hàng loạt' }, ...as('reporter') }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await payload.findByID({ collection: 'images', id: image.id })).alt).toBe('Một')
  })
})

describe('accounts, sessions, locks and jobs over HTTP', () => {
  let rest: RestClient
  beforeAll(() => {
    rest = restClient(ctx.config)
  })

  it.each<[Actor, number]>([
    ['reporter', 403],
    ['editor', 403],
    ['admin', 200],
  ])('%s unlocking an account: %s', async (actor, status) => {
    // No login locks an account any more (failed logins are throttled, src/security/loginThrottle.ts),
    // but Payload's unlock endpoint is still there: only an admin may call it.
    const locked = await makeUser(payload, 'reporter', 'locked')
    const token = await rest.login(users[actor].email, users[actor].password)
    const response = await rest.request('POST', '/users/unlock', { json: { email: locked.email }, token })
    expect(response.status).toBe(status)
    if (status === 403) expect((await response.json()).errors[0].message).toBe('Lỗi - Bạn không có quyền thực hiện lệnh này.')
  })

  it("a user's sessions are read by that user and admins; an editor sees none, directly or through an article", async () => {
    const owner = await makeUser(payload, 'reporter', 'sessions')
    await rest.login(owner.email, owner.password)
    const article = await draftBy(owner)
    const read = async (actor: TestUser) => {
      const token = await rest.login(actor.email, actor.password)
      const response = await rest.request('GET', `/users/${owner.id}?depth=0`, { token })
      expect(response.status).toBe(200)
      const viaArticle = await rest.request('GET', `/articles/${article.id}?depth=1&draft=true`, { token })
      const createdBy = ((await viaArticle.json()) as { createdBy?: { sessions?: unknown[] } }).createdBy
      return { direct: ((await response.json()) as { sessions?: unknown[] }).sessions ?? [], viaArticle: createdBy?.sessions ?? [] }
    }
    expect(await read(users.editor)).toEqual({ direct: [], viaArticle: [] })
    expect((await read(owner)).direct.length).toBeGreaterThan(0)
    const asAdmin = await read(users.admin)
    expect(asAdmin.direct.length).toBeGreaterThan(0)
    expect(asAdmin.viaArticle.length).toBeGreaterThan(0)
    const { docs } = await payload.find({ collection: 'users', where: { id: { equals: owner.id } }, ...as('editor') })
    expect(docs[0].sessions ?? []).toEqual([])
  })

  it("a reporter cannot lock an article they cannot edit; an editor can, and the reporter cannot take the lock over", async () => {
    const doc = await draftBy(users.editor)
    const lock = (user: TestUser, document = { relationTo: 'articles' as const, value: doc.id }) =>
      payload.create({ collection: 'payload-locked-documents', data: { document, user: { relationTo: 'users', value: user.id } }, overrideAccess: false, user })
    await expect(lock(users.reporter)).rejects.toMatchObject({ status: 403 })
    expect((await payload.count({ collection: 'payload-locked-documents', overrideAccess: true })).totalDocs).toBe(0)

    const held = await lock(users.editor)
    await expect(
      payload.update({ collection: 'payload-locked-documents', id: held.id, data: { user: { relationTo: 'users', value: users.reporter.id } }, overrideAccess: false, user: users.reporter }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'payload-locked-documents', id: held.id, overrideAccess: false, user: users.reporter })).rejects.toMatchObject({
      status: 403,
    })
    const stored = await payload.findByID({ collection: 'payload-locked-documents', id: held.id, depth: 0 })
    expect(stored.user).toMatchObject({ value: users.editor.id })

    // their own draft, they may lock
    const own = await draftBy(users.reporter)
    await expect(lock(users.reporter, { relationTo: 'articles', value: own.id })).resolves.toMatchObject({ user: { value: { id: users.reporter.id } } })
    await expect(
      payload.create({ collection: 'payload-locked-documents', data: { globalSlug: 'site', user: { relationTo: 'users', value: users.editor.id } }, overrideAccess: false, user: users.editor }),
    ).rejects.toMatchObject({ status: 403 })
    await payload.delete({ collection: 'payload-locked-documents', where: {}, overrideAccess: true })
  })

  it("a reporter cannot move their own lock onto an article they cannot edit; an editor moves theirs", async () => {
    const own = await draftBy(users.reporter)
    const editors = await draftBy(users.editor)
    const lockOf = (user: TestUser, id: number | string) =>
      payload.create({ collection: 'payload-locked-documents', data: { document: { relationTo: 'articles', value: id }, user: { relationTo: 'users', value: user.id } }, overrideAccess: false, user })
    const held = await lockOf(users.reporter, own.id)
    await expect(
      payload.update({ collection: 'payload-locked-documents', id: held.id, data: { document: { relationTo: 'articles', value: editors.id } }, overrideAccess: false, user: users.reporter }),
    ).rejects.toMatchObject({ status: 403 })
    const stored = await payload.findByID({ collection: 'payload-locked-documents', id: held.id, depth: 0 })
    expect(stored.document).toMatchObject({ relationTo: 'articles', value: own.id })

    const editorsLock = await lockOf(users.editor, own.id)
    const moved = await payload.update({ collection: 'payload-locked-documents', id: editorsLock.id, data: { document: { relationTo: 'articles', value: editors.id } }, overrideAccess: false, user: users.editor, depth: 0 })
    expect(moved.document).toMatchObject({ relationTo: 'articles', value: editors.id })
    await payload.delete({ collection: 'payload-locked-documents', where: {}, overrideAccess: true })
  })

  it('a lock is always in the name of whoever takes it', async () => {
    const doc = await draftBy(users.editor)
    const lock = await payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'articles', value: doc.id }, user: { relationTo: 'users', value: users.admin.id } },
      overrideAccess: false,
      user: users.editor,
    })
    expect(lock.user).toMatchObject({ value: { id: users.editor.id } })
    await payload.delete({ collection: 'payload-locked-documents', where: {}, overrideAccess: true })
  })

  it("the admin's form state locks an article only for someone who may edit it", async () => {
    const seen: unknown[] = []
    const formState = lockStatusOnlyForEditors(async (args) => seen.push((args as { returnLockStatus?: boolean }).returnLockStatus))
    const editorsDraft = await draftBy(users.editor)
    const ownDraft = await draftBy(users.reporter)
    const ask = async (user: TestUser, id: number, collectionSlug = 'articles') =>
      formState({ req: await createLocalReq({ user }, payload), id, collectionSlug, returnLockStatus: true } as never)
    await ask(users.reporter, editorsDraft.id)
    await ask(users.reporter, ownDraft.id)
    await ask(users.editor, editorsDraft.id)
    await formState({ req: await createLocalReq({ user: users.reporter }, payload), globalSlug: 'site', returnLockStatus: true } as never)
    expect(seen).toEqual([false, true, true, false])
  })

  it("through Payload's own form state, a reporter viewing an editor's draft leaves no lock; the editor's edit does", async () => {
    const { buildFormStateHandler } = await import('@payloadcms/ui/utilities/buildFormState')
    const formState = lockStatusOnlyForEditors(buildFormStateHandler)
    const doc = await draftBy(users.editor)
    const build = async (user: TestUser) => {
      const req = await createLocalReq({ user }, payload)
      return formState({
        req,
        id: doc.id,
        collectionSlug: 'articles',
        schemaPath: 'articles',
        operation: 'update',
        docPermissions: undefined,
        docPreferences: { fields: {} },
        formState: {},
        // fields' components are not rendered here: only the lock is looked at
        mockRSCs: true,
        returnLockStatus: true,
        skipValidation: true,
      } as never)
    }
    const locks = async () =>
      (await payload.find({ collection: 'payload-locked-documents', where: { 'document.value': { equals: doc.id } }, depth: 0, overrideAccess: true })).docs
    await build(users.reporter)
    expect(await locks()).toEqual([])
    await build(users.editor)
    expect((await locks()).map((lock) => lock.user)).toEqual([{ relationTo: 'users', value: users.editor.id }])
    await payload.delete({ collection: 'payload-locked-documents', where: {}, overrideAccess: true })
  })

  // Payload answers a refused run with 401 ("Unauthorized") whoever asks
  it.each<[Actor, number]>([
    ['reporter', 401],
    ['editor', 401],
    ['admin', 200],
  ])('%s running the job queue over HTTP: %s', async (actor, status) => {
    const token = await rest.login(users[actor].email, users[actor].password)
    const response = await rest.request('GET', '/payload-jobs/run', { token })
    expect(response.status).toBe(status)
  })
})
