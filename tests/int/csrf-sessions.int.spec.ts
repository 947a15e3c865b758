/**
 * Cross-site requests and sessions, with SERVER_URL unset (the demo, the tests): the request's own
 * origin (its Host, over http) is the only one a session cookie acts from; a vote from another site
 * is refused; logging out ends every session; no cookie trusts a client-sent X-Forwarded-Proto.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { CLIENT_IP_HEADER } from '../../src/lib/clientIp'
import { articleData, makeCategory, makeUser, type TestUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

const HOST = 'localhost:3000'
const OURS = `http://${HOST}`
// Payload's own answer to a request without the rights (as if logged out), in Vietnamese
const NOT_ALLOWED = 'Lỗi - Bạn không có quyền thực hiện lệnh này.'
const CROSS_SITE_VOTE = 'Chỉ nhận đánh giá gửi từ chính trang của cổng thông tin.'

let ctx: TestPayload
let payload: Payload
let api: RestClient
let category: number
let editor: TestUser

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
  editor = await makeUser(payload, 'editor')
})

afterAll(async () => ctx?.close())

/** Logs in as a browser does: the session comes back as a cookie. */
async function cookieLogin(user: TestUser, headers: Record<string, string> = {}) {
  const response = await api.request('POST', '/users/login', {
    json: { email: user.email, password: user.password },
    headers: { host: HOST, origin: OURS, ...headers },
  })
  expect(response.status).toBe(200)
  const setCookie = response.headers.get('set-cookie')!
  return { setCookie, cookie: setCookie.split(';')[0], token: ((await response.json()) as { token: string }).token }
}

const articleCount = async () => (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs

async function expectMessage(response: Response, status: number, message: string) {
  expect(response.status).toBe(status)
  expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toBe(message)
}

/** A multipart form as a page on another site can post it: Payload reads its `_payload` field. */
function formWithPayload(data: unknown) {
  const form = new FormData()
  form.set('_payload', JSON.stringify(data))
  return form
}

describe('a write carried by the session cookie', () => {
  let cookie: string
  beforeAll(async () => {
    cookie = (await cookieLogin(editor)).cookie
  })

  it('is accepted from the site itself (Origin is the Host)', async () => {
    const response = await api.request('POST', '/articles', { json: articleData(category), headers: { cookie, host: HOST, origin: OURS } })
    expect(response.status).toBe(201)
  })

  it('is accepted on a same-origin request without Origin (Sec-Fetch-Site: same-origin)', async () => {
    const response = await api.request('GET', '/users/me', { headers: { cookie, host: HOST, 'sec-fetch-site': 'same-origin' } })
    expect(((await response.json()) as { user: { id: number } | null }).user?.id).toBe(editor.id)
  })

  it.each([
    ['another site', 'http://evil.example'],
    ['a sibling host name', 'http://tin.localhost:3000'],
    ['another port of the same host', 'http://localhost:3001'],
    ['another scheme', 'https://localhost:3000'],
    ['an opaque origin', 'null'],
  ])('from %s is refused with 403 and creates nothing', async (_label, origin) => {
    const before = await articleCount()
    const response = await api.request('POST', '/articles', {
      json: { ...articleData(category), _status: 'published' },
      headers: { cookie, host: HOST, origin },
    })
    await expectMessage(response, 403, NOT_ALLOWED)
    expect(await articleCount()).toBe(before)
  })

  it('is refused as a cross-site form post (multipart `_payload`) that would publish', async () => {
    const before = await articleCount()
    const response = await api.request('POST', '/articles', {
      body: formWithPayload({ ...articleData(category), _status: 'published' }),
      headers: { cookie, host: HOST, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    })
    await expectMessage(response, 403, NOT_ALLOWED)
    expect(await articleCount()).toBe(before)
  })

  it('is refused with another origin when it would change an article, which stays as it was', async () => {
    const article = await payload.create({ collection: 'articles', data: articleData(category), overrideAccess: true })
    const response = await api.request('PATCH', `/articles/${article.id}`, {
      json: { title: 'Tiêu đề bị đổi từ trang khác' },
      headers: { cookie, host: HOST, origin: 'http://evil.example' },
    })
    expect(response.status).toBe(403)
    expect((await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })).title).toBe(article.title)
  })

  it.each(['cross-site', 'same-site'])('is refused without Origin when the browser says Sec-Fetch-Site: %s', async (site) => {
    const before = await articleCount()
    const response = await api.request('POST', '/articles', { json: articleData(category), headers: { cookie, host: HOST, 'sec-fetch-site': site } })
    await expectMessage(response, 403, NOT_ALLOWED)
    expect(await articleCount()).toBe(before)
  })

  it('is refused when a forged X-Forwarded-Host names the other site (no TRUST_PROXY)', async () => {
    const before = await articleCount()
    const response = await api.request('POST', '/articles', {
      json: articleData(category),
      headers: { cookie, host: HOST, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
    })
    await expectMessage(response, 403, NOT_ALLOWED)
    expect(await articleCount()).toBe(before)
  })

  it('behind a trusted proxy (TRUST_PROXY=true) takes the forwarded host and scheme as ours', async () => {
    process.env.TRUST_PROXY = 'true'
    try {
      const headers = { cookie, host: 'app:3000', 'x-forwarded-host': 'portal.example.vn', 'x-forwarded-proto': 'https' }
      const ours = await api.request('POST', '/articles', { json: articleData(category), headers: { ...headers, origin: 'https://portal.example.vn' } })
      expect(ours.status).toBe(201)
      const before = await articleCount()
      const theirs = await api.request('POST', '/articles', { json: articleData(category), headers: { ...headers, origin: 'http://app:3000' } })
      await expectMessage(theirs, 403, NOT_ALLOWED)
      expect(await articleCount()).toBe(before)
    } finally {
      delete process.env.TRUST_PROXY
    }
  })

  it('does not apply to the Authorization header, which no other site can make a browser send', async () => {
    const { token } = await cookieLogin(editor)
    const response = await api.request('POST', '/articles', { json: articleData(category), token, headers: { origin: 'http://evil.example' } })
    expect(response.status).toBe(201)
  })
})

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Lax, and not Secure on plain http', async () => {
    const { setCookie } = await cookieLogin(editor)
    expect(setCookie).toMatch(/^payload-token=[^;]+;/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).not.toContain('Secure')
  })
})

describe('sessions', () => {
  const me = async (token: string) =>
    ((await (await api.request('GET', '/users/me', { token })).json()) as { user: { id: number } | null }).user

  it('logging out ends every session of the user, on every device', async () => {
    const user = await makeUser(payload, 'reporter')
    const laptop = await api.login(user.email, user.password)
    const phone = await api.login(user.email, user.password)
    expect((await me(phone))?.id).toBe(user.id)
    expect((await api.request('POST', '/users/logout', { token: laptop })).status).toBe(200)
    expect(await me(laptop)).toBeNull()
    expect(await me(phone)).toBeNull()
    const stored = await payload.findByID({ collection: 'users', id: user.id, overrideAccess: true, showHiddenFields: true })
    expect(stored.sessions ?? []).toEqual([])
    // only the sessions went: the account is as it was, and logs in again
    expect(stored).toMatchObject({ email: user.email, name: user.name, roles: ['reporter'] })
    expect((await me(await api.login(user.email, user.password)))?.id).toBe(user.id)
  })

  it('changing one’s password ends the other sessions and keeps this one', async () => {
    const user = await makeUser(payload, 'reporter')
    const here = await api.login(user.email, user.password)
    const elsewhere = await api.login(user.email, user.password)
    const password = 'Mật khẩu mới rất dài 2026, khó đoán!'
    const response = await api.request('PATCH', `/users/${user.id}`, { token: here, json: { password, currentPassword: user.password } })
    expect(response.status).toBe(200)
    expect((await me(here))?.id).toBe(user.id)
    expect(await me(elsewhere)).toBeNull()
  })

  it('an admin setting someone’s password ends every session of that user', async () => {
    const admin = await makeUser(payload, 'admin')
    const user = await makeUser(payload, 'reporter')
    const session = await api.login(user.email, user.password)
    const adminToken = await api.login(admin.email, admin.password)
    const password = 'Mật khẩu do quản trị đặt, đủ dài 2026!'
    const response = await api.request('PATCH', `/users/${user.id}`, { token: adminToken, json: { password, currentPassword: admin.password } })
    expect(response.status).toBe(200)
    expect(await me(session)).toBeNull()
  })
})

describe('a vote sent from another site', () => {
  let ip = 0
  const vote = (articleId: number, body: string, contentType: string, headers: Record<string, string>) =>
    api.request('POST', `/articles/${articleId}/rating`, {
      body,
      headers: { host: HOST, 'content-type': contentType, [CLIENT_IP_HEADER]: `10.9.0.${++ip}`, ...headers },
    })

  async function publishedArticle() {
    return payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' }, overrideAccess: true })
  }

  async function votesOn(articleId: number) {
    const article = await payload.findByID({ collection: 'articles', id: articleId, depth: 0, overrideAccess: true })
    const votes = await payload.count({ collection: 'ratings', where: { article: { equals: articleId } }, overrideAccess: true })
    return { total: article.ratingTotal, count: article.ratingCount, votes: votes.totalDocs }
  }

  it.each([
    ['a JSON post with another Origin', '{"score":5}', 'application/json', { origin: 'http://evil.example' }],
    ['a form post with another Origin', 'score=5', 'application/x-www-form-urlencoded', { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['a text/plain post with another Origin', '{"score":5}', 'text/plain', { origin: 'http://evil.example' }],
    ['a form post from a sibling origin', 'score=5', 'application/x-www-form-urlencoded', { origin: 'http://tin.localhost:3000', 'sec-fetch-site': 'same-site' }],
    ['a post with Sec-Fetch-Site: cross-site and no Origin', 'score=5', 'application/x-www-form-urlencoded', { 'sec-fetch-site': 'cross-site' }],
    ['a post with Sec-Fetch-Site: same-site and no Origin', '{"score":5}', 'application/json', { 'sec-fetch-site': 'same-site' }],
  ])('is refused: %s, with 403 and nothing counted', async (_label, body, contentType, headers) => {
    const article = await publishedArticle()
    const response = await vote(article.id, body, contentType, headers)
    expect(response.headers.get('set-cookie')).toBeNull()
    await expectMessage(response, 403, CROSS_SITE_VOTE)
    expect(await votesOn(article.id)).toEqual({ total: 0, count: 0, votes: 0 })
  })

  it('is counted from the portal’s own no-JS form (same-origin form post)', async () => {
    const article = await publishedArticle()
    const response = await vote(article.id, 'score=4', 'application/x-www-form-urlencoded', { origin: OURS, 'sec-fetch-site': 'same-origin' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/bai-viet/${article.slug}#danh-gia-cam-on`)
    expect(await votesOn(article.id)).toEqual({ total: 4, count: 1, votes: 1 })
  })

  it('is counted from the portal’s own script (same-origin fetch)', async () => {
    const article = await publishedArticle()
    const response = await vote(article.id, '{"score":3}', 'application/json', { origin: OURS, 'sec-fetch-site': 'same-origin' })
    expect(response.status).toBe(201)
    expect(await votesOn(article.id)).toEqual({ total: 3, count: 1, votes: 1 })
  })

  it('gives a voter cookie that is not Secure because a client says X-Forwarded-Proto: https', async () => {
    const article = await publishedArticle()
    const response = await vote(article.id, '{"score":3}', 'application/json', { 'x-forwarded-proto': 'https' })
    expect(response.status).toBe(201)
    expect(response.headers.get('set-cookie')).not.toContain('Secure')
  })

  it('gives a Secure voter cookie when a trusted proxy (TRUST_PROXY=true) says https', async () => {
    process.env.TRUST_PROXY = 'true'
    try {
      const article = await publishedArticle()
      const response = await vote(article.id, '{"score":3}', 'application/json', { 'x-forwarded-proto': 'https' })
      expect(response.status).toBe(201)
      expect(response.headers.get('set-cookie')).toContain('Secure')
    } finally {
      delete process.env.TRUST_PROXY
    }
  })
})

describe('“Quên mật khẩu” without SMTP_URL and SERVER_URL', () => {
  it('prints the message with a link to the request’s own origin', async () => {
    const user = await makeUser(payload, 'reporter')
    const printed: string[] = []
    const spy = jest.spyOn(payload.logger, 'info').mockImplementation(((...args: unknown[]) => {
      printed.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
    }) as never)
    try {
      const response = await api.request('POST', '/users/forgot-password', { json: { email: user.email }, headers: { host: HOST } })
      expect(response.status).toBe(200)
    } finally {
      spy.mockRestore()
    }
    const message = printed.join('\n')
    expect(message).toContain(`Đến: ${user.email}`)
    expect(message).toMatch(new RegExp(`${OURS}/admin/reset/[0-9a-f]{40}`))
  })
})
