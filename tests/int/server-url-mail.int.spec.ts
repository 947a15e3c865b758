/**
 * With SERVER_URL=https://…: only that origin acts with a session cookie (the Host no longer
 * counts), cookies are Secure, and the password reset mail, printed whole by the console mail
 * adapter (no SMTP_URL), carries a link to that origin that completes the reset.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { CLIENT_IP_HEADER } from '../../src/lib/clientIp'
import { articleData, makeCategory, makeUser, type TestUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

const SERVER_URL = 'https://portal.example.vn'
// Payload's own answer to a request without the rights (as if logged out), in Vietnamese
const NOT_ALLOWED = 'Lỗi - Bạn không có quyền thực hiện lệnh này.'

let ctx: TestPayload
let payload: Payload
let api: RestClient
let category: number
let editor: TestUser

beforeAll(async () => {
  // a trailing slash, as people write it: the origin is what counts
  ctx = await createTestPayload({ SERVER_URL: `${SERVER_URL}/` })
  payload = ctx.payload
  api = restClient(ctx.config)
  category = (await makeCategory(payload)).id
  editor = await makeUser(payload, 'editor')
})

afterAll(async () => ctx?.close())

async function cookieLogin(user: TestUser) {
  const response = await api.request('POST', '/users/login', {
    json: { email: user.email, password: user.password },
    headers: { origin: SERVER_URL },
  })
  expect(response.status).toBe(200)
  const setCookie = response.headers.get('set-cookie')!
  return { setCookie, cookie: setCookie.split(';')[0] }
}

const articleCount = async () => (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs

describe('with SERVER_URL set', () => {
  it('the session cookie is Secure, HttpOnly and SameSite=Lax', async () => {
    const { setCookie } = await cookieLogin(editor)
    expect(setCookie).toMatch(/; Secure/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
  })

  it('a cookie write from SERVER_URL’s origin is accepted', async () => {
    const { cookie } = await cookieLogin(editor)
    const response = await api.request('POST', '/articles', { json: articleData(category), headers: { cookie, origin: SERVER_URL } })
    expect(response.status).toBe(201)
    expect(response.headers.get('access-control-allow-origin')).toBe(SERVER_URL)
  })

  it.each([
    ['the Host’s own origin', 'http://localhost:3000'],
    ['a look-alike host name', 'https://portal.example.vn.evil.example'],
    ['SERVER_URL over http', 'http://portal.example.vn'],
  ])('a cookie write from %s is refused with 403, creates nothing, and gets no CORS grant', async (_label, origin) => {
    const { cookie } = await cookieLogin(editor)
    const before = await articleCount()
    const response = await api.request('POST', '/articles', {
      json: articleData(category),
      headers: { cookie, origin, host: new URL(origin).host },
    })
    expect(response.status).toBe(403)
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toBe(NOT_ALLOWED)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(await articleCount()).toBe(before)
  })

  it('a voter cookie is Secure without any forwarded header', async () => {
    const article = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published' }, overrideAccess: true })
    const response = await api.request('POST', `/articles/${article.id}/rating`, {
      json: { score: 5 },
      headers: { [CLIENT_IP_HEADER]: '10.8.0.1', origin: SERVER_URL },
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('set-cookie')).toContain('Secure')
  })
})

describe('“Quên mật khẩu” without SMTP_URL', () => {
  it('prints the whole message, in Vietnamese, with a link to SERVER_URL that completes the reset', async () => {
    const user = await makeUser(payload, 'reporter')
    await payload.update({ collection: 'users', id: user.id, data: { name: 'Nguyễn Văn <An>' }, overrideAccess: true })
    const printed: string[] = []
    const spy = jest.spyOn(payload.logger, 'info').mockImplementation(((...args: unknown[]) => {
      printed.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
    }) as never)
    let response: Response
    try {
      response = await api.request('POST', '/users/forgot-password', { json: { email: user.email }, headers: { host: 'evil.example' } })
    } finally {
      spy.mockRestore()
    }
    expect(response.status).toBe(200)
    const message = printed.join('\n')
    expect(message).toContain(`Đến: ${user.email}`)
    expect(message).toContain('Tiêu đề: Đặt lại mật khẩu – Cổng thông tin')
    expect(message).toContain('Chào Nguyễn Văn &lt;An&gt;,')
    expect(message).toContain('Nếu bạn không yêu cầu đặt lại mật khẩu')
    const link = message.match(/https?:\/\/[^\s"<>]+\/admin\/reset\/([0-9a-f]+)/)
    expect(link?.[0].startsWith(`${SERVER_URL}/admin/reset/`)).toBe(true)

    const password = 'Mật khẩu mới sau khi quên, đủ dài 2026!'
    const reset = await api.request('POST', '/users/reset-password', { json: { token: link![1], password } })
    expect(reset.status).toBe(200)
    const login = await api.request('POST', '/users/login', { json: { email: user.email, password } })
    expect(login.status).toBe(200)
    expect((await api.request('POST', '/users/login', { json: { email: user.email, password: user.password } })).status).toBe(401)
  })
})
