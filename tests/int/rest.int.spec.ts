/** Bad input to the REST API is refused with a 4xx and a message, and nothing is stored. */
import type { Payload } from 'payload'
import sharp from 'sharp'

import { imageWithCaption, paragraph, richText } from '../../src/seed/lexical'
import { articleData, makeCategory, makeUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

let ctx: TestPayload
let payload: Payload
let api: RestClient
let token: string
let category: number

beforeAll(async () => {
  ctx = await createTestPayload({ MAX_UPLOAD_MB: '1' })
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
  const editor = await makeUser(payload, 'editor')
  token = await api.login(editor.email, editor.password)
})

afterAll(async () => ctx?.close())

const articleCount = async () => (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs

async function expectRefused(response: Response, status: number) {
  expect(response.status).toBe(status)
  const body = (await response.json()) as { errors?: { message: string }[] }
  expect(body.errors?.[0]?.message).toEqual(expect.any(String))
  return body
}

describe('creating an article over REST', () => {
  it('works with a complete body', async () => {
    const response = await api.request('POST', '/articles', { token, json: articleData(category) })
    expect(response.status).toBe(201)
  })

  it('is refused to anonymous callers', async () => {
    const before = await articleCount()
    await expectRefused(await api.request('POST', '/articles', { json: articleData(category) }), 403)
    expect(await articleCount()).toBe(before)
  })

  it('is refused without a title', async () => {
    const before = await articleCount()
    const { title: _omitted, ...data } = articleData(category)
    const body = await expectRefused(await api.request('POST', '/articles', { token, json: data }), 400)
    expect(JSON.stringify(body)).toContain('title')
    expect(await articleCount()).toBe(before)
  })

  it.each([
    ['a title that is not text', { title: { text: 'x' } }],
    ['a category that does not exist', { primaryCategory: 987654 }],
    ['a category id of the wrong type', { primaryCategory: 'thoi-su' }],
    ['a publication date that is not a date', { publishedAt: 'hôm qua' }],
    ['an unknown status', { _status: 'archived' }],
    ['a hero image that does not exist', { heroImage: 987654 }],
    ['an author that does not exist', { authors: [987654] }],
    [
      'a body image that does not exist',
      { body: richText([paragraph('Ảnh không có thật:'), imageWithCaption(987654, 'Chú thích')]) },
    ],
    ['a title over 300 characters', { title: 'dài '.repeat(100) }],
  ])('is refused with %s', async (_label, override) => {
    const before = await articleCount()
    await expectRefused(await api.request('POST', '/articles', { token, json: { ...articleData(category), ...override } }), 400)
    expect(await articleCount()).toBe(before)
  })

  it('is refused when the body is not JSON', async () => {
    const before = await articleCount()
    const response = await api.request('POST', '/articles', {
      token,
      body: '{"title": "chưa đóng',
      headers: { 'content-type': 'application/json' },
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(await articleCount()).toBe(before)
  })
})

describe('unknown ids', () => {
  it('answer 404 when read, changed or deleted', async () => {
    await expectRefused(await api.request('GET', '/articles/987654', { token }), 404)
    await expectRefused(await api.request('PATCH', '/articles/987654', { token, json: { title: 'x' } }), 404)
    await expectRefused(await api.request('DELETE', '/articles/987654', { token }), 404)
  })

  it('answer 404 to the public for a draft, as if it did not exist', async () => {
    const draft = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'draft' }, draft: true })
    await expectRefused(await api.request('GET', `/articles/${draft.id}`), 404)
  })
})

describe('uploads', () => {
  it('over the size limit are refused and not stored', async () => {
    const big = await sharp({ create: { width: 3000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .png()
      .toBuffer()
    expect(big.length).toBeGreaterThan(1024 * 1024)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(big)], { type: 'image/png' }), 'qua-lon.png')
    form.append('_payload', JSON.stringify({ alt: 'Ảnh quá lớn' }))
    const response = await api.request('POST', '/images', { token, body: form })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect((await payload.count({ collection: 'images' })).totalDocs).toBe(0)
  })

  it('within the limit are stored', async () => {
    const small = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c33' } }).jpeg().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(small)], { type: 'image/jpeg' }), 'vua-du.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Ảnh vừa đủ' }))
    const response = await api.request('POST', '/images', { token, body: form })
    expect(response.status).toBe(201)
  })
})

describe('what the public API shows', () => {
  it('hides who created an article', async () => {
    const live = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' } })
    const response = await api.request('GET', `/articles/${live.id}`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body.title).toBe(live.title)
    expect(body).not.toHaveProperty('createdBy')
  })
})
