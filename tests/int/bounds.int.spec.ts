/**
 * Nothing one request sends takes the portal down: every parameter that sizes work is bounded
 * before the work starts, and a request past a bound is refused with 400 and the reason in
 * Vietnamese, without an error stack in the log.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { articleData, makeCategory, makeUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

let ctx: TestPayload
let payload: Payload
let api: RestClient
let editorToken: string
let category: number
let article: number

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
  article = (await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' } })).id
  const editor = await makeUser(payload, 'editor')
  editorToken = await api.login(editor.email, editor.password)
})

afterAll(async () => ctx?.close())

/** Sends a request and notes what it made the server log as errors. */
async function send(path: string, who: 'anonymous' | 'editor' = 'anonymous') {
  const logged = jest.spyOn(payload.logger, 'error')
  const started = performance.now()
  try {
    const response = await api.request('GET', path, who === 'editor' ? { token: editorToken } : {})
    const text = await response.text()
    return { status: response.status, text, ms: performance.now() - started, errorsLogged: logged.mock.calls.length }
  } finally {
    logged.mockRestore()
  }
}

/** A 400 with exactly this reason, nothing logged as an error. */
async function expectRefused(path: string, message: string, who: 'anonymous' | 'editor' = 'anonymous') {
  const answer = await send(path, who)
  expect({ path, who, status: answer.status, message: messageOf(answer.text), errorsLogged: answer.errorsLogged }).toEqual({
    path,
    who,
    status: 400,
    message,
    errorsLogged: 0,
  })
  return answer
}

const messageOf = (text: string) => {
  try {
    return (JSON.parse(text) as { errors?: { message: string }[] }).errors?.[0]?.message
  } catch {
    return text.slice(0, 200)
  }
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

describe('the statistics report bounds its range before building anything', () => {
  const report = (query: string) => send(`/stats/report?${query}`, 'editor')

  it('reads exactly 3,660 days', async () => {
    const answer = await report(`from=2020-01-01&to=${addDays('2020-01-01', 3659)}`)
    expect(answer.status).toBe(200)
    expect((JSON.parse(answer.text) as { current: { series: unknown[] } }).current.series).toHaveLength(3660)
  })

  it('refuses 3,661 days', async () => {
    await expectRefused(`/stats/report?from=2020-01-01&to=${addDays('2020-01-01', 3660)}`, 'Khoảng thời gian tối đa 3660 ngày.', 'editor')
  })

  it('reads 31 days by hour and refuses 32', async () => {
    const answer = await report('from=2026-07-01&to=2026-07-31&granularity=hour')
    expect(answer.status).toBe(200)
    expect((JSON.parse(answer.text) as { current: { series: unknown[] } }).current.series).toHaveLength(31 * 24)
    await expectRefused('/stats/report?from=2026-07-01&to=2026-08-01&granularity=hour', 'Xem theo giờ tối đa 31 ngày.', 'editor')
  })

  it('refuses the last day JavaScript dates can name in the year 9999, at once', async () => {
    for (const query of ['from=9999-12-31&to=9999-12-31', 'to=9999-12-31', 'from=9999-01-01&to=9999-12-31&granularity=year']) {
      const answer = await expectRefused(`/stats/report?${query}`, 'Năm phải từ 2000 đến 2100.', 'editor')
      expect(answer.ms).toBeLessThan(1000)
    }
  })

  it('takes years 2000 to 2100 and refuses the years around them', async () => {
    expect((await report('from=2000-01-01&to=2000-01-31')).status).toBe(200)
    expect((await report('from=2100-12-01&to=2100-12-31')).status).toBe(200)
    await expectRefused('/stats/report?from=1999-12-31&to=2000-01-31', 'Năm phải từ 2000 đến 2100.', 'editor')
    await expectRefused('/stats/report?from=2100-12-01&to=2101-01-01', 'Năm phải từ 2000 đến 2100.', 'editor')
    await expectRefused('/stats/report?from=0000-01-01&to=2026-01-01', 'Năm phải từ 2000 đến 2100.', 'editor')
  })

  it('refuses a day that does not exist', async () => {
    for (const query of ['from=2026-02-30', 'to=2026-13-01', 'from=2026-1-1', 'from=2026-01-01T00:00', 'from=+02026-01-01', 'from=', 'from=2026-01-01&to=']) {
      await expectRefused(`/stats/report?${query}`, 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.', 'editor')
    }
  })

  it('refuses a range that ends before it starts', async () => {
    await expectRefused('/stats/report?from=2026-07-10&to=2026-07-01', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', 'editor')
  })
})

describe('anonymous REST lists are capped', () => {
  it('gives at most 100 documents a page', async () => {
    expect((await send('/articles?limit=100')).status).toBe(200)
    await expectRefused('/articles?limit=101', 'Tham số limit phải là số nguyên từ 1 đến 100.')
    await expectRefused('/categories?limit=1000000', 'Tham số limit phải là số nguyên từ 1 đến 100.')
  })

  it('never gives a whole collection at once', async () => {
    await expectRefused('/articles?limit=0', 'Tham số limit phải là số nguyên từ 1 đến 100.')
    await expectRefused('/articles?pagination=false', 'Người đọc chưa đăng nhập không được tắt phân trang (pagination=false).')
    await expectRefused('/authors?pagination=false&limit=5', 'Người đọc chưa đăng nhập không được tắt phân trang (pagination=false).')
  })

  it('populates relationships at most 2 levels deep', async () => {
    const list = await send('/articles?depth=2')
    expect(list.status).toBe(200)
    const [doc] = (JSON.parse(list.text) as { docs: { primaryCategory: unknown }[] }).docs
    expect(doc!.primaryCategory).toMatchObject({ id: category })
    await expectRefused('/articles?depth=3', 'Tham số depth phải là số nguyên từ 0 đến 2.')
    await expectRefused(`/articles/${article}?depth=3`, 'Tham số depth phải là số nguyên từ 0 đến 2.')
    await expectRefused('/globals/site?depth=3', 'Tham số depth phải là số nguyên từ 0 đến 2.')
  })

  it('leaves staff their lists', async () => {
    expect((await send('/articles?limit=500', 'editor')).status).toBe(200)
    expect((await send('/articles?pagination=false', 'editor')).status).toBe(200)
    expect((await send('/articles?limit=0&depth=5', 'editor')).status).toBe(200)
  })

  it('leaves the portal’s own reads alone (Local API, anonymous access)', async () => {
    const all = await payload.find({ collection: 'articles', overrideAccess: false, pagination: false, depth: 5 })
    expect(all.docs.map((d) => d.id)).toContain(article)
    const unpaged = await payload.find({ collection: 'categories', overrideAccess: false, limit: 0, depth: 3 })
    expect(unpaged.docs.map((d) => d.id)).toContain(category)
    const site = await payload.findGlobal({ slug: 'site', overrideAccess: false, depth: 5 })
    expect(site).toBeDefined()
  })

  it('leaves endpoints that read for a stranger alone (the rating)', async () => {
    const answer = await send(`/articles/${article}/rating`)
    expect(answer.status).toBe(200)
  })
})

describe('page, limit and depth are whole numbers in range, for everyone', () => {
  it.each([
    ['a page past any number a database takes', 'page=99999999999999999999'],
    ['page 0', 'page=0'],
    ['a negative page', 'page=-1'],
    ['a fractional page', 'page=1.5'],
    ['a page that is not a number', 'page=abc'],
    ['a page given twice', 'page=1&page=2'],
    ['a page over a million', 'page=1000001'],
  ])('refuses %s', async (_label, query) => {
    for (const who of ['anonymous', 'editor'] as const) await expectRefused(`/articles?${query}`, 'Tham số page phải là số nguyên từ 1 đến 1000000.', who)
  })

  it('answers a page past the last one with an empty page', async () => {
    const answer = await send('/articles?page=1000000')
    expect(answer.status).toBe(200)
    expect((JSON.parse(answer.text) as { docs: unknown[] }).docs).toEqual([])
  })

  it.each([
    ['a limit past any number a database takes', 'limit=99999999999999999999'],
    ['a fractional limit', 'limit=1.5'],
    ['a negative limit', 'limit=-1'],
    ['a limit that is not a number', 'limit=abc'],
    ['a limit over a million', 'limit=1000001'],
  ])('refuses staff %s', async (_label, query) => {
    await expectRefused(`/articles?${query}`, 'Tham số limit phải là số nguyên từ 0 đến 1000000.', 'editor')
  })

  it.each([
    ['a negative depth', 'depth=-1'],
    ['a depth that is not a number', 'depth=abc'],
    ['a depth past any number', 'depth=99999999999999999999'],
  ])('refuses staff %s', async (_label, query) => {
    await expectRefused(`/articles?${query}`, 'Tham số depth phải là số nguyên từ 0 đến 10.', 'editor')
  })
})
