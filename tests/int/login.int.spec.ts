/**
 * Passwords and logins, as a stranger and as a thief with a stolen session would try them over
 * REST: weak passwords, e-mail and password changes without the current password, guessing, and
 * what a failed login tells about which accounts exist.
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { makeUser, type TestUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient, type RestClient } from '../helpers/rest'

const FAILS_PER_ACCOUNT_AND_ADDRESS = 5
const FAILS_PER_ADDRESS_PER_DAY = 12

let ctx: TestPayload
let payload: Payload
let api: RestClient
let admin: TestUser

const TOO_SHORT = 'Mật khẩu phải có ít nhất 12 ký tự.'
const NOT_TEXT = 'Mật khẩu phải là một chuỗi ký tự.'
const TOO_COMMON = 'Mật khẩu này quá phổ biến, dễ đoán; hãy chọn một cụm từ dài hơn, khó đoán hơn.'
const CURRENT_MISSING = 'Nhập mật khẩu hiện tại để đổi e-mail hoặc mật khẩu.'
const CURRENT_WRONG = 'Mật khẩu hiện tại không đúng.'
const WRONG_LOGIN = 'Lỗi - Email hoặc mật khẩu không chính xác.'
const THROTTLED = /^Đăng nhập sai quá nhiều lần; vui lòng thử lại sau \d+ phút\.$/

beforeAll(async () => {
  ctx = await createTestPayload({
    LOGIN_FAILS_PER_ACCOUNT_AND_ADDRESS: String(FAILS_PER_ACCOUNT_AND_ADDRESS),
    LOGIN_FAILS_PER_ADDRESS_PER_DAY: String(FAILS_PER_ADDRESS_PER_DAY),
  })
  payload = ctx.payload
  api = restClient(ctx.config)
  admin = await makeUser(payload, 'admin')
})

afterAll(async () => ctx?.close())

/** A fresh client address for each test, so that one test's failures never throttle another's. */
const newAddress = () => `198.51.100.${crypto.randomInt(1, 255)}-${crypto.randomBytes(3).toString('hex')}`

const strong = () => `sen-hong-${crypto.randomBytes(6).toString('hex')}`

function logIn(email: string, password: string, address: string) {
  return api.request('POST', '/users/login', { json: { email, password }, headers: { 'x-portal-client-ip': address } })
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json()) as { errors: { message: string; data?: { errors?: { message: string }[] } }[] }
  return body.errors[0].data?.errors?.[0]?.message ?? body.errors[0].message
}

async function canLogIn(email: string, password: string): Promise<boolean> {
  return (await logIn(email, password, newAddress())).status === 200
}

const countUsers = async () => (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs

describe('a new password', () => {
  const create = async (password: string) =>
    api.request('POST', '/users', {
      token: await api.login(admin.email, admin.password),
      json: { email: `moi-${crypto.randomBytes(3).toString('hex')}@test.local`, name: 'Mới', roles: ['reporter'], password },
    })

  it('of 3 characters is refused, and no account is made', async () => {
    const before = await countUsers()
    const response = await create('abc')
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toBe(TOO_SHORT)
    expect(await countUsers()).toBe(before)
  })

  it("among the common ones ('password1234') is refused, and no account is made", async () => {
    const before = await countUsers()
    for (const common of ['password1234', 'qwertyuiop12', '123456789012']) {
      const response = await create(common)
      expect(response.status).toBe(400)
      expect(await errorOf(response)).toBe(TOO_COMMON)
    }
    expect(await countUsers()).toBe(before)
  })

  it('made of the account’s own e-mail is refused', async () => {
    const response = await api.request('POST', '/users', {
      token: await api.login(admin.email, admin.password),
      json: { email: 'nguyenvanan1990@test.local', name: 'Nguyễn Văn An', roles: ['reporter'], password: 'nguyenvanan1990' },
    })
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toBe(TOO_COMMON)
  })

  it('that is not text (a number, an object, true) is refused with 400, never a 500', async () => {
    const before = await countUsers()
    for (const password of [123456789012345, { a: 1 }, true]) {
      const response = await create(password as unknown as string)
      expect(response.status).toBe(400)
      expect(await errorOf(response)).toBe(NOT_TEXT)
    }
    expect(await countUsers()).toBe(before)
  })

  it('of 12 characters or more that is hard to guess is accepted and logs in', async () => {
    const password = strong()
    const response = await create(password)
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: { email: string } }
    expect(await canLogIn(doc.email, password)).toBe(true)
  })

  it('set through a reset link follows the same rules, and the link still works afterwards', async () => {
    const user = await makeUser(payload, 'reporter')
    const token = await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })
    const weak = await api.request('POST', '/users/reset-password', { json: { token, password: 'abc' } })
    expect(weak.status).toBe(400)
    expect(await errorOf(weak)).toBe(TOO_SHORT)
    // Payload's reset handler reads a password that is not text as an empty one.
    const notText = await api.request('POST', '/users/reset-password', { json: { token, password: 123456789012345 } })
    expect(notText.status).toBe(400)
    expect(await errorOf(notText)).toBe(TOO_SHORT)
    const common = await api.request('POST', '/users/reset-password', { json: { token, password: 'password1234' } })
    expect(common.status).toBe(400)
    expect(await errorOf(common)).toBe(TOO_COMMON)
    expect(await canLogIn(user.email, user.password)).toBe(true)

    const password = strong()
    const good = await api.request('POST', '/users/reset-password', { json: { token, password } })
    expect(good.status).toBe(200)
    expect(await canLogIn(user.email, password)).toBe(true)
  })
})

describe("changing one's own e-mail or password", () => {
  const patch = (user: TestUser, token: string, json: Record<string, unknown>) => api.request('PATCH', `/users/${user.id}`, { token, json })

  it('without the current password is refused (400) and changes nothing', async () => {
    const user = await makeUser(payload, 'reporter')
    const token = await api.login(user.email, user.password)
    const response = await patch(user, token, { password: strong() })
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toBe(CURRENT_MISSING)
    expect(await canLogIn(user.email, user.password)).toBe(true)

    const email = await patch(user, token, { email: `moi-${user.email}` })
    expect(email.status).toBe(400)
    expect(await errorOf(email)).toBe(CURRENT_MISSING)
    expect((await payload.findByID({ collection: 'users', id: user.id })).email).toBe(user.email)
  })

  it('with a wrong current password is refused (400) and changes nothing', async () => {
    const user = await makeUser(payload, 'editor')
    const token = await api.login(user.email, user.password)
    const response = await patch(user, token, { password: strong(), currentPassword: 'khong-phai-mat-khau' })
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toBe(CURRENT_WRONG)
    expect(await canLogIn(user.email, user.password)).toBe(true)
  })

  it('with the right current password is done, and the old password no longer logs in', async () => {
    const user = await makeUser(payload, 'reporter')
    const token = await api.login(user.email, user.password)
    const password = strong()
    const response = await patch(user, token, { password, currentPassword: user.password })
    expect(response.status).toBe(200)
    const { doc } = (await response.json()) as { doc: Record<string, unknown> }
    expect(doc).not.toHaveProperty('currentPassword')
    expect(await canLogIn(user.email, password)).toBe(true)
    expect(await canLogIn(user.email, user.password)).toBe(false)

    const email = `doi-${user.email}`
    const changed = await patch(user, token, { email, currentPassword: password })
    expect(changed.status).toBe(200)
    expect(await canLogIn(email, password)).toBe(true)
  })

  it('with the right current password still needs a strong new one', async () => {
    const user = await makeUser(payload, 'reporter')
    const token = await api.login(user.email, user.password)
    const response = await patch(user, token, { password: 'abc', currentPassword: user.password })
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toBe(TOO_SHORT)
    expect(await canLogIn(user.email, user.password)).toBe(true)
  })

  it('other fields (the name) change without it', async () => {
    const user = await makeUser(payload, 'reporter')
    const response = await patch(user, await api.login(user.email, user.password), { name: 'Tên mới' })
    expect(response.status).toBe(200)
    expect((await payload.findByID({ collection: 'users', id: user.id })).name).toBe('Tên mới')
  })

  it('an admin needs their own current password too', async () => {
    const self = await makeUser(payload, 'admin')
    const response = await patch(self, await api.login(self.email, self.password), { password: strong() })
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toBe(CURRENT_MISSING)
    expect(await canLogIn(self.email, self.password)).toBe(true)
  })

  it("an admin sets another user's password and e-mail without that user's password", async () => {
    const user = await makeUser(payload, 'editor')
    const password = strong()
    const email = `dat-lai-${user.email}`
    const response = await patch(user, await api.login(admin.email, admin.password), { email, password })
    expect(response.status).toBe(200)
    expect(await canLogIn(email, password)).toBe(true)
  })
})

describe('logging in', () => {
  it("someone else's failures from address A do not lock the owner out at address B", async () => {
    const owner = await makeUser(payload, 'editor')
    const attacker = newAddress()
    for (let i = 0; i < FAILS_PER_ACCOUNT_AND_ADDRESS + 3; i += 1) await logIn(owner.email, 'doan-mo-mat-khau', attacker)
    const blocked = await logIn(owner.email, owner.password, attacker)
    expect(blocked.status).toBe(429)

    const home = newAddress()
    const response = await logIn(owner.email, owner.password, home)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { token?: string }).token).toEqual(expect.any(String))
  })

  it('an address guessing one account is answered 429 with Retry-After, even with the right password', async () => {
    const user = await makeUser(payload, 'reporter')
    const address = newAddress()
    const statuses = []
    for (let i = 0; i < FAILS_PER_ACCOUNT_AND_ADDRESS + 1; i += 1) statuses.push((await logIn(user.email, `sai-${i}-mat-khau`, address)).status)
    expect(statuses).toEqual([...Array(FAILS_PER_ACCOUNT_AND_ADDRESS).fill(401), 429])

    const right = await logIn(user.email, user.password, address)
    expect(right.status).toBe(429)
    expect(await errorOf(right)).toMatch(THROTTLED)
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('guesses sent at once are counted at once: no more of them are checked than the budget allows', async () => {
    const user = await makeUser(payload, 'reporter')
    const address = newAddress()
    const burst = FAILS_PER_ACCOUNT_AND_ADDRESS + 5
    const responses = await Promise.all(Array.from({ length: burst }, (_, i) => logIn(user.email, `cung-luc-${i}-sai`, address)))
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses).toEqual([...Array(FAILS_PER_ACCOUNT_AND_ADDRESS).fill(401), ...Array(5).fill(429)])
  })

  it('an IPv6 network is counted as one address: its /64 shares one budget, whichever of its addresses guesses', async () => {
    const user = await makeUser(payload, 'reporter')
    const network = `2001:db8:${crypto.randomBytes(2).toString('hex')}:${crypto.randomBytes(2).toString('hex')}`
    const statuses = []
    for (let i = 0; i < FAILS_PER_ACCOUNT_AND_ADDRESS + 1; i += 1) {
      statuses.push((await logIn(user.email, `sai-${i}-mat-khau`, `${network}:${(i + 1).toString(16)}::${crypto.randomBytes(2).toString('hex')}`)).status)
    }
    expect(statuses).toEqual([...Array(FAILS_PER_ACCOUNT_AND_ADDRESS).fill(401), 429])
    // another network is another address: the owner there logs in
    expect((await logIn(user.email, user.password, `2001:db8:ffff:${crypto.randomBytes(2).toString('hex')}::1`)).status).toBe(200)
  })

  it('a right password clears the address’s earlier failures for that account', async () => {
    const user = await makeUser(payload, 'reporter')
    const address = newAddress()
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < FAILS_PER_ACCOUNT_AND_ADDRESS - 1; i += 1) expect((await logIn(user.email, 'sai-mat-khau-roi', address)).status).toBe(401)
      expect((await logIn(user.email, user.password, address)).status).toBe(200)
    }
  })

  it('an address guessing many accounts is answered 429 after its failures of the day, on any account', async () => {
    const address = newAddress()
    const statuses = []
    for (let i = 0; i < FAILS_PER_ADDRESS_PER_DAY + 1; i += 1) {
      statuses.push((await logIn(`khach-${i}-${crypto.randomBytes(3).toString('hex')}@test.local`, 'doan-mo-mat-khau', address)).status)
    }
    expect(statuses).toEqual([...Array(FAILS_PER_ADDRESS_PER_DAY).fill(401), 429])
    const user = await makeUser(payload, 'reporter')
    const response = await logIn(user.email, user.password, address)
    expect(response.status).toBe(429)
    expect(await errorOf(response)).toMatch(THROTTLED)
  })

  it('an unknown and a known e-mail get the same status, message and about the same time', async () => {
    const user = await makeUser(payload, 'reporter')
    const unknown = `khong-co-${crypto.randomBytes(3).toString('hex')}@test.local`
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] }
    const answers = new Set<string>()
    // Alternate, each from its own address, so that neither meets the throttle or a warmer cache.
    for (let i = 0; i < 5; i += 1) {
      for (const [kind, email] of [['known', user.email], ['unknown', unknown]] as const) {
        const started = performance.now()
        const response = await logIn(email, 'doan-mo-mat-khau', newAddress())
        timings[kind].push(performance.now() - started)
        answers.add(`${response.status} ${await errorOf(response)}`)
      }
    }
    expect([...answers]).toEqual([`401 ${WRONG_LOGIN}`])
    const ratio = median(timings.known) / median(timings.unknown)
    expect(ratio).toBeGreaterThan(1 / 3)
    expect(ratio).toBeLessThan(3)
  })
})
