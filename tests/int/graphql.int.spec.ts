/**
 * GraphQL is off unless GRAPHQL=on. On, it is for logged-in staff only, and a query that may
 * return more documents than GRAPHQL_MAX_DOCUMENTS is refused before it runs. Neither the portal
 * nor the admin uses GraphQL: these are the requests of someone trying it by hand.
 *
 * The requests go through the route files themselves, as Next calls them.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { graphQLConfig, graphqlSettingsFrom } from '../../src/limits/graphql'
import { articleData, makeCategory, makeUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

type Handler = (request: Request) => Promise<Response>
type Who = 'anonymous' | 'admin' | 'editor' | 'reporter' | 'no role' | 'bad token'

let ctx: TestPayload
let payload: Payload
let routes: { POST: Handler; OPTIONS: Handler; playground: Handler }
const tokens: Partial<Record<Who, string>> = {}

beforeAll(async () => {
  ctx = await createTestPayload({ GRAPHQL: 'on' })
  payload = ctx.payload
  const graphqlRoute = await import('../../src/app/(payload)/api/graphql/route')
  // The playground route loads the admin's stylesheet, which jest cannot read.
  jest.unstable_mockModule('@payloadcms/next/css', () => ({}))
  const playgroundRoute = await import('../../src/app/(payload)/api/graphql-playground/route')
  routes = { POST: graphqlRoute.POST as Handler, OPTIONS: graphqlRoute.OPTIONS as Handler, playground: playgroundRoute.GET as Handler }

  const category = (await makeCategory(payload)).id
  for (let i = 0; i < 12; i++) {
    await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' } })
  }
  const api = restClient(ctx.config)
  for (const role of ['admin', 'editor', 'reporter'] as const) {
    const user = await makeUser(payload, role)
    tokens[role] = await api.login(user.email, user.password)
  }
  // An account whose roles were emptied by hand in the database: logged in, but not newsroom staff.
  const former = await makeUser(payload, 'reporter')
  await payload.db.updateOne({ collection: 'users', id: former.id, data: { roles: [] } })
  tokens['no role'] = await api.login(former.email, former.password)
  tokens['bad token'] = `${tokens.admin!.slice(0, -4)}AAAA`
})

afterAll(async () => ctx?.close())

type Answer = { status: number; message: string | undefined; body: string; ms: number; errorsLogged: number; authenticated: boolean }

/** Sends a request to a route and notes how long it took, what it logged as errors and whether it looked at the session. */
async function send(handler: Handler, method: string, path: string, { who = 'anonymous' as Who, body = undefined as string | undefined, contentType = 'application/json' } = {}): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = contentType
  if (tokens[who]) headers.authorization = `JWT ${tokens[who]}`
  const logged = jest.spyOn(payload.logger, 'error')
  const auth = jest.spyOn(payload, 'auth')
  const started = performance.now()
  try {
    const response = await handler(new Request(`http://localhost:3000/api${path}`, { method, headers, body }))
    const text = await response.text()
    return {
      status: response.status,
      message: messageOf(text),
      body: text,
      ms: performance.now() - started,
      errorsLogged: logged.mock.calls.length,
      authenticated: auth.mock.calls.length > 0,
    }
  } finally {
    logged.mockRestore()
    auth.mockRestore()
  }
}

const messageOf = (text: string) => {
  try {
    return (JSON.parse(text) as { errors?: { message: string }[] }).errors?.[0]?.message
  } catch {
    return undefined
  }
}

const query = (text: string, who: Who = 'admin', variables?: Record<string, unknown>) =>
  send(routes.POST, 'POST', '/graphql', { who, body: JSON.stringify({ query: text, variables }) })

/** The query is refused before it runs with 400 and this reason, and nothing is logged as an error. */
async function expectRefused(answer: Answer | Promise<Answer>, status: number, message: string) {
  const { status: got, message: said, errorsLogged } = await answer
  expect({ status: got, message: said, errorsLogged }).toEqual({ status, message, errorsLogged: 0 })
}

const tooCostly = (documents: number) => `Truy vấn quá tốn kém: có thể trả về ${documents} tài liệu, tối đa 1000.`
const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`

describe('the settings', () => {
  it('turn GraphQL off unless GRAPHQL=on, with a budget of 1000 documents', () => {
    expect(graphqlSettingsFrom({})).toEqual({ enabled: false, maxDocuments: 1000, maxComplexity: 1000 })
    for (const value of ['', 'off', 'true', '1', 'yes']) expect(graphqlSettingsFrom({ GRAPHQL: value }).enabled).toBe(false)
    expect(graphqlSettingsFrom({ GRAPHQL: 'on' }).enabled).toBe(true)
    expect(graphQLConfig({}).disable).toBe(true)
    expect(graphQLConfig({ GRAPHQL: 'on' }).disable).toBe(false)
    expect(ctx.config.graphQL.disable).toBe(false)
  })

  it('take GRAPHQL_MAX_DOCUMENTS as a whole number from 1, or keep 1000', () => {
    expect(graphqlSettingsFrom({ GRAPHQL_MAX_DOCUMENTS: '250' }).maxDocuments).toBe(250)
    for (const value of ['0', '-5', '1.5', 'many']) expect(graphqlSettingsFrom({ GRAPHQL_MAX_DOCUMENTS: value }).maxDocuments).toBe(1000)
  })
})

describe('GraphQL is off unless GRAPHQL=on', () => {
  const OFF = 'GraphQL đã tắt trên cổng này.'
  beforeAll(() => {
    delete process.env.GRAPHQL
  })
  afterAll(() => {
    process.env.GRAPHQL = 'on'
  })

  it.each<[string, Who, string | undefined]>([
    ['a stranger’s query', 'anonymous', JSON.stringify({ query: '{ Articles { docs { title } } }' })],
    ['an admin’s query', 'admin', JSON.stringify({ query: '{ Articles { docs { title } } }' })],
    ['malformed JSON', 'anonymous', '{"query": '],
    ['no body', 'anonymous', undefined],
    ['200 aliases of Articles(limit: 100)', 'admin', JSON.stringify({ query: aliases(200, 'Articles(limit: 100) { docs { title } }') })],
  ])('POST /api/graphql with %s answers 404 at once, without looking at the session', async (_label, who, body) => {
    const answer = await send(routes.POST, 'POST', '/graphql', { who, body })
    expect({ status: answer.status, message: answer.message, authenticated: answer.authenticated, errorsLogged: answer.errorsLogged }).toEqual({
      status: 404,
      message: OFF,
      authenticated: false,
      errorsLogged: 0,
    })
    expect(answer.ms).toBeLessThan(50)
  })

  it('GET /api/graphql-playground and OPTIONS /api/graphql answer 404 too', async () => {
    for (const [handler, method, path] of [
      [routes.playground, 'GET', '/graphql-playground'],
      [routes.OPTIONS, 'OPTIONS', '/graphql'],
    ] as const) {
      for (const who of ['anonymous', 'admin'] as const) {
        const answer = await send(handler, method, path, { who })
        expect([path, who, answer.status, answer.message, answer.authenticated]).toEqual([path, who, 404, OFF, false])
      }
    }
  })
})

describe('with GRAPHQL=on, GraphQL is for logged-in staff only', () => {
  it.each<[Who, number, string]>([
    ['anonymous', 401, 'Vui lòng đăng nhập để dùng GraphQL.'],
    ['bad token', 401, 'Vui lòng đăng nhập để dùng GraphQL.'],
    ['no role', 403, 'GraphQL chỉ dành cho người của tòa soạn (quản trị, biên tập viên, phóng viên).'],
  ])('%s is refused with %d', async (who, status, message) => {
    await expectRefused(query('{ Articles(limit: 1) { docs { title } } }', who), status, message)
    // whatever the body
    await expectRefused(send(routes.POST, 'POST', '/graphql', { who, body: '{"query": ' }), status, message)
    await expectRefused(send(routes.playground, 'GET', '/graphql-playground', { who }), status, message)
  })

  it.each<Who>(['admin', 'editor', 'reporter'])('%s reads ten articles', async (who) => {
    const answer = await query('{ Articles(limit: 10) { docs { title } } }', who)
    expect(answer.status).toBe(200)
    const { data } = JSON.parse(answer.body) as { data: { Articles: { docs: { title: string }[] } } }
    expect(data.Articles.docs).toHaveLength(10)
  })

  it.each([
    ['malformed JSON', '{"query": ', 'application/json'],
    ['JSON that is not an object', '["{ Articles { totalDocs } }"]', 'application/json'],
    ['null', 'null', 'application/json'],
    ['an empty body', '', 'application/json'],
  ])('%s from staff is 400, not 500', async (_label, body, contentType) => {
    await expectRefused(send(routes.POST, 'POST', '/graphql', { who: 'editor', body, contentType }), 400, 'Nội dung gửi lên phải là một đối tượng JSON.')
  })

  it('a body that is not JSON is 415', async () => {
    await expectRefused(
      send(routes.POST, 'POST', '/graphql', { who: 'editor', body: '--x\r\n', contentType: 'multipart/form-data; boundary=x' }),
      415,
      'GraphQL chỉ nhận nội dung JSON (Content-Type: application/json).',
    )
  })
})

describe('a query may return at most GRAPHQL_MAX_DOCUMENTS (1000) documents', () => {
  beforeAll(async () => {
    // The schema is built on the first query: build it before timing anything.
    await query('{ Articles(limit: 1) { totalDocs } }')
  })

  it('refuses 200 aliases of Articles(limit: 100), even for an admin, at once', async () => {
    const text = aliases(200, 'Articles(limit: 100) { docs { title } }')
    expect(Buffer.byteLength(JSON.stringify({ query: text }))).toBeLessThan(10_000)
    const answer = await query(text, 'admin')
    await expectRefused(answer, 400, tooCostly(20_000))
    expect(answer.ms).toBeLessThan(1000)
  })

  it('takes exactly 1000 documents and refuses 1001', async () => {
    expect((await query('{ Articles(limit: 1000) { docs { title } } }')).status).toBe(200)
    expect((await query(aliases(50, 'Articles(limit: 20) { docs { title } }'))).status).toBe(200)
    await expectRefused(query('{ Articles(limit: 1001) { docs { title } } }'), 400, tooCostly(1001))
    await expectRefused(query(aliases(50, 'Articles(limit: 21) { docs { title } }')), 400, tooCostly(1050))
  })

  it('counts a list without a limit as Payload’s page of 10', async () => {
    // 50 × (10 articles + 10 × 10 categories)
    await expectRefused(query(aliases(50, 'Articles { docs { categories { name } } }')), 400, tooCostly(5500))
  })

  it('counts a whole collection (pagination: false or limit: 0) as a million', async () => {
    await expectRefused(query('{ Articles(pagination: false) { docs { title } } }'), 400, tooCostly(1_000_000))
    await expectRefused(query('{ Articles(limit: 0) { docs { title } } }'), 400, tooCostly(1_000_000))
  })

  it('multiplies nested lists: each article’s authors count as 10', async () => {
    expect((await query('{ Articles(limit: 50) { docs { title authors { name } } } }')).status).toBe(200)
    await expectRefused(query('{ Articles(limit: 100) { docs { title authors { name } categories { name } } } }'), 400, tooCostly(2100))
    // 50 articles, 10 authors each, one photo per author
    await expectRefused(query('{ Articles(limit: 50) { docs { authors { photo { url } } } } }'), 400, tooCostly(50 + 500 + 500))
  })

  it('follows fragments and counts each spread', async () => {
    const text = `
      query { ...Both ...Both }
      fragment Both on Query { first: Articles(limit: 300) { ...Titles } second: Articles(limit: 300) { ...Titles } }
      fragment Titles on Articles { docs { title } }`
    await expectRefused(query(text), 400, tooCostly(1200))
  })

  it('reads limits from variables and their defaults', async () => {
    await expectRefused(query('query($n: Int) { Articles(limit: $n) { docs { title } } }', 'admin', { n: 5000 }), 400, tooCostly(5000))
    await expectRefused(query('query($n: Int = 2000) { Articles(limit: $n) { docs { title } } }'), 400, tooCostly(2000))
    expect((await query('query($n: Int) { Articles(limit: $n) { docs { title } } }', 'admin', { n: 5 })).status).toBe(200)
  })

  it('refuses a 51st field at the root: each is a read of its own', async () => {
    expect((await query(aliases(50, 'Articles(limit: 1) { totalDocs }'))).status).toBe(200)
    const fields = Array.from({ length: 17 }, (_, i) => `a${i}: Articles(limit: 1) { totalDocs } b${i}: countArticles { totalDocs } c${i}: Site { updatedAt }`).join(' ')
    await expectRefused(query(`{ ${fields} }`), 400, 'Truy vấn có 51 trường gốc, tối đa 50: mỗi trường gốc là một lần đọc hoặc ghi riêng.')
    await expectRefused(
      query(`query { ...Half ...Half } fragment Half on Query { ${aliases(26, 'Articles(limit: 1) { totalDocs }').slice(1, -1)} }`),
      400,
      'Truy vấn có 52 trường gốc, tối đa 50: mỗi trường gốc là một lần đọc hoặc ghi riêng.',
    )
  })

  it('answers fragments that spread each other with 400 at once', async () => {
    const text = `
      query { ...A }
      fragment A on Query { Articles(limit: 1) { totalDocs } ...B }
      fragment B on Query { ...A }`
    const answer = await query(text)
    expect(answer.status).toBe(400)
    expect(answer.message).toMatch(/fragment/i)
    expect(answer.errorsLogged).toBe(0)
    expect(answer.ms).toBeLessThan(1000)
  })

  it('answers fragments spreading the next twice, 24 deep (16 million fields), with 400 at once', async () => {
    const depth = 24
    const fragments = Array.from({ length: depth }, (_, i) => `fragment F${i} on Article { ...F${i + 1} ...F${i + 1} }`).join('\n')
    const text = `{ Articles(limit: 1) { docs { ...F0 } } }\n${fragments}\nfragment F${depth} on Article { title }`
    const answer = await query(text)
    expect(answer.status).toBe(400)
    expect(answer.message).toMatch(/^Truy vấn quá phức tạp/)
    expect(answer.errorsLogged).toBe(0)
    expect(answer.ms).toBeLessThan(1000)
  })
})

