/** Articles as the newsroom writes them: slugs, categories, expiry and scheduled publishing. */
import type { Payload } from 'payload'

import { paragraph, richText, videoEmbed } from '../../src/seed/lexical'
import { VIDEO_MESSAGE } from '../../src/lib/video'
import { articleData, makeCategory, makeUser } from '../helpers/fixtures'
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

const publicFind = (slug: string) =>
  payload.find({ collection: 'articles', where: { slug: { equals: slug } }, overrideAccess: false })

describe('article slugs', () => {
  it('are folded from the Vietnamese title when left empty', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: articleData(category, { title: 'Đẩy mạnh cải cách hành chính ở Bù Đăng' }),
    })
    expect(doc.slug).toBe('day-manh-cai-cach-hanh-chinh-o-bu-dang')
  })

  it('get a number when another article already has the same title', async () => {
    const title = 'Hội nghị tổng kết năm 2025'
    const first = await payload.create({ collection: 'articles', data: articleData(category, { title }) })
    const second = await payload.create({ collection: 'articles', data: articleData(category, { title }) })
    expect(first.slug).toBe('hoi-nghi-tong-ket-nam-2025')
    expect(second.slug).toBe('hoi-nghi-tong-ket-nam-2025-2')
  })

  it('typed by an editor are normalised, and stay when the title changes later', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: articleData(category, { title: 'Tiêu đề ban đầu', slug: 'Đường Dẫn Riêng' }),
    })
    expect(doc.slug).toBe('duong-dan-rieng')
    const renamed = await payload.update({ collection: 'articles', id: doc.id, data: { title: 'Tiêu đề đã sửa' } })
    expect(renamed.slug).toBe('duong-dan-rieng')
  })

  it('are unique: a second article cannot take a slug explicitly', async () => {
    await payload.create({ collection: 'articles', data: articleData(category, { slug: 'chi-mot-bai' }) })
    await expect(
      payload.create({ collection: 'articles', data: articleData(category, { slug: 'chi-mot-bai' }) }),
    ).rejects.toMatchObject({ status: 400 })
    const { totalDocs } = await payload.count({ collection: 'articles', where: { slug: { equals: 'chi-mot-bai' } } })
    expect(totalDocs).toBe(1)
  })
})

describe('article categories', () => {
  it('always include the primary category, first', async () => {
    const other = await makeCategory(payload, 'Kinh tế')
    const doc = await payload.create({
      collection: 'articles',
      data: articleData(category, { categories: [other.id] }),
      depth: 0,
    })
    expect(doc.categories).toEqual([category, other.id])
  })

  it('require a primary category', async () => {
    await expect(
      payload.create({ collection: 'articles', data: { ...articleData(category), primaryCategory: undefined as never } }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('embedded videos', () => {
  it('keep a YouTube or Vimeo address as pasted', async () => {
    const body = richText([paragraph('Xem video:'), videoEmbed('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'Toàn cảnh lễ hội'), videoEmbed('https://vimeo.com/76979871')])
    const doc = await payload.create({ collection: 'articles', data: articleData(category, { body }), depth: 0 })
    const fields = (doc.body as { root: { children: { fields?: { url: string } }[] } }).root.children.map((c) => c.fields?.url)
    expect(fields).toEqual([undefined, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://vimeo.com/76979871'])
  })

  it('refuse any other address with the reason, and save nothing', async () => {
    const before = await payload.count({ collection: 'articles' })
    for (const url of ['https://evil.example/embed/dQw4w9WgXcQ', 'javascript:alert(1)', 'https://www.youtube.com/watch?v=ngắn']) {
      const body = richText([videoEmbed(url)])
      await expect(payload.create({ collection: 'articles', data: articleData(category, { title: `Video ${url}`, body }) })).rejects.toMatchObject({
        status: 400,
        data: { errors: expect.arrayContaining([{ label: 'Nội dung > Địa chỉ video', message: VIDEO_MESSAGE, path: 'body.url' }]) },
      })
    }
    expect(await payload.count({ collection: 'articles' })).toEqual(before)
  })
})

describe('expiry', () => {
  it('takes an expired article off the portal but leaves it to the newsroom', async () => {
    const hour = 3600_000
    const doc = await payload.create({
      collection: 'articles',
      data: {
        ...articleData(category),
        _status: 'published',
        publishedAt: new Date(Date.now() - 48 * hour).toISOString(),
        expiresAt: new Date(Date.now() - hour).toISOString(),
      },
    })
    expect((await publicFind(doc.slug)).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'articles', where: { slug: { equals: doc.slug } } })).totalDocs).toBe(1)
  })

  it('shows an article whose expiry is still ahead', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { ...articleData(category), _status: 'published', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
    })
    expect((await publicFind(doc.slug)).totalDocs).toBe(1)
  })

  it('refuses an expiry before the publication date', async () => {
    await expect(
      payload.create({
        collection: 'articles',
        data: {
          ...articleData(category),
          publishedAt: '2026-01-10T00:00:00.000Z',
          expiresAt: '2026-01-09T00:00:00.000Z',
        },
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('scheduled publishing', () => {
  const schedule = (id: number, waitUntil: Date) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: String(id) } },
      waitUntil,
    })

  it('publishes a draft once its time has come, and not before', async () => {
    const later = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'draft' }, draft: true })
    const due = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'draft' }, draft: true })
    await schedule(later.id, new Date(Date.now() + 3600_000))
    await schedule(due.id, new Date(Date.now() - 1000))
    expect((await publicFind(due.slug)).totalDocs).toBe(0)

    await payload.jobs.run({ queue: 'default' })

    const live = await publicFind(due.slug)
    expect(live.totalDocs).toBe(1)
    expect(live.docs[0]._status).toBe('published')
    expect(live.docs[0].publishedAt).toBeTruthy()
    expect((await publicFind(later.slug)).totalDocs).toBe(0)
  })

  it("takes the moment it went live as its date, not a date a reporter typed while drafting", async () => {
    const reporter = await makeUser(payload, 'reporter', 'phong-vien-hen-gio')
    const drafted = await payload.create({
      collection: 'articles',
      data: { ...articleData(category), _status: 'draft', publishedAt: '2026-01-02T03:00:00.000Z' },
      draft: true,
      user: reporter,
      overrideAccess: false,
    })
    expect(drafted.publishedAt ?? null).toBeNull()
    const wentLive = Date.now()
    await schedule(drafted.id, new Date(Date.now() - 1000))
    await payload.jobs.run({ queue: 'default' })

    const live = await publicFind(drafted.slug)
    expect(new Date(live.docs[0].publishedAt!).getTime()).toBeGreaterThanOrEqual(wentLive)
  })

  it('keeps the date an editor set', async () => {
    const dated = await payload.create({
      collection: 'articles',
      data: { ...articleData(category), _status: 'draft', publishedAt: '2026-01-02T03:00:00.000Z' },
      draft: true,
    })
    await schedule(dated.id, new Date(Date.now() - 1000))
    await payload.jobs.run({ queue: 'default' })
    expect((await publicFind(dated.slug)).docs[0].publishedAt).toBe('2026-01-02T03:00:00.000Z')
  })
})
