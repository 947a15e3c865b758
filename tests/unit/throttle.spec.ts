/**
 * The stranger's meter (scripts/throttle.mjs): what costs, who pays, and that a made-up session
 * does not get past it.
 */
import { createHmac } from 'node:crypto'

// @ts-expect-error: a plain ES module of the server, without types
import { addressOf, costOf, meterKey, throttleFrom, validSession } from '../../scripts/throttle.mjs'

const KEY = 'a'.repeat(32)
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
function token(claims: object, key = KEY): string {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`
}
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600

type Req = { method: string; url: string; headers: Record<string, string>; socket: { remoteAddress: string } }
const req = (url: string, headers: Record<string, string> = {}, ip = '203.0.113.7'): Req => ({ method: 'GET', url, headers, socket: { remoteAddress: ip } })

beforeEach(() => {
  ;(globalThis as Record<symbol, unknown>)[Symbol.for('cttd.sessionKey')] = KEY
})

describe('what a request costs a stranger', () => {
  it('nothing for static files, media, the portal script, hits and votes (they have limits of their own)', () => {
    for (const url of ['/_next/static/chunks/a.js', '/api/images/file/anh.webp', '/portal.js?v=1', '/favicon.ico']) {
      expect([url, costOf(req(url))]).toEqual([url, 0])
    }
    for (const url of ['/api/stats/hit', '/api/articles/12/rating']) expect([url, costOf({ ...req(url), method: 'POST' })]).toEqual([url, 0])
    expect(costOf(req('/api/articles/12/rating'))).toBe(1) // reading the totals is a query like any other
  })

  it('a point for a query or a login, a list one more per 10 documents with what it populates, 20 for a search, nothing up front for a page', () => {
    expect(costOf(req('/api/articles/12'))).toBe(1)
    expect(costOf({ ...req('/api/users/login'), method: 'POST' })).toBe(1)
    expect(costOf({ ...req('/api/articles', { 'content-length': String(1024 * 1024) }), method: 'POST' })).toBe(17) // a body is read and parsed
    expect(costOf(req('/api/articles'))).toBe(4) // Payload's defaults: 10 documents, 2 levels deep
    expect(costOf(req('/api/articles?limit=100&depth=2'))).toBe(31)
    expect(costOf(req('/api/articles?limit=1&depth=0'))).toBe(1)
    expect(costOf(req('/api/articles?limit=abc'))).toBe(4) // Payload refuses it; counted at the default
    expect(costOf(req('/chuyen-muc/tin-tuc'))).toBe(0)
    expect(costOf({ ...req('/admin/login'), method: 'POST' })).toBe(1)
    expect(costOf(req('/tim-kiem?q=c%E1%BA%A3i'))).toBe(20)
    expect(costOf(req('/en/search?q=reform'))).toBe(20)
    expect(costOf(req('/vi/tim-kiem?q=x'))).toBe(20) // the same page, unrewritten
    expect(costOf(req('/bai-viet/x?r=1'))).toBe(1) // a query string: never from the page bytes
    expect(costOf({ ...req('/bai-viet/x'), method: 'HEAD' })).toBe(1)
  })
})

describe('sessions', () => {
  it('accepts a token signed with the portal key and unexpired', () => {
    expect(validSession(token({ id: 1, exp: inAnHour() }), KEY)).toBe(true)
  })

  it('refuses a made-up, tampered, expired or foreign token', () => {
    const good = token({ id: 1, exp: inAnHour() })
    const [header, , signature] = good.split('.')
    expect(validSession(`${header}.${base64url({ id: 2, exp: inAnHour() })}.${signature}`, KEY)).toBe(false)
    expect(validSession(token({ id: 1, exp: Math.floor(Date.now() / 1000) - 1 }), KEY)).toBe(false)
    expect(validSession(token({ id: 1, exp: inAnHour() }, 'b'.repeat(32)), KEY)).toBe(false)
    expect(validSession('abc', KEY)).toBe(false)
    expect(validSession(`${header}.!!!.${signature}`, KEY)).toBe(false)
    expect(validSession(good, undefined)).toBe(false) // before Payload has handed over its key
  })
})

describe('the meter', () => {
  const env = { ANON_REQUESTS_PER_IP_PER_MINUTE: '240', ANON_METER_WINDOW_SECONDS: '5' } // 20 points per 5 s

  it('lets a stranger spend 20 points in 5 s, then answers with the seconds to wait', async () => {
    const throttle = throttleFrom(env)
    expect(throttle.points).toBe(20)
    for (let i = 0; i < 20; i++) expect(await throttle.check(req('/api/articles/1'))).toBeNull()
    const wait = await throttle.check(req('/api/articles/1'))
    expect(wait).toBeGreaterThanOrEqual(1)
    expect(wait).toBeLessThanOrEqual(5)
    // another address has its own points
    expect(await throttle.check(req('/api/articles/1', {}, '198.51.100.9'))).toBeNull()
  })

  it('takes twenty points for a search, and a whole window at most for anything', async () => {
    const throttle = throttleFrom(env)
    expect(await throttle.check(req('/tim-kiem?q=a'))).toBeNull()
    expect(await throttle.check(req('/tim-kiem?q=b'))).toBeGreaterThanOrEqual(1)
    // a list of 100 articles two deep (31 points) still fits an empty window of 20, once
    expect(await throttle.check(req('/api/articles?limit=100&depth=2', {}, '198.51.100.10'))).toBeNull()
    expect(await throttle.check(req('/api/articles/1', {}, '198.51.100.10'))).toBeGreaterThanOrEqual(1)
  })

  it('never meters staff with a valid session (cookie or header), nor what is free', async () => {
    const throttle = throttleFrom(env)
    const session = token({ id: 1, exp: inAnHour() })
    for (let i = 0; i < 50; i++) {
      expect(throttle.check(req('/api/articles', { cookie: `theme=dark; payload-token=${session}` }))).toBeNull()
      expect(throttle.check(req('/api/articles', { authorization: `JWT ${session}` }))).toBeNull()
      expect(throttle.check(req('/api/images/file/anh.webp'))).toBeNull()
    }
  })

  it('meters a made-up session cookie like any stranger', async () => {
    const throttle = throttleFrom(env)
    const fake = token({ id: 1, exp: inAnHour() }, 'not-the-key')
    const answers = []
    for (let i = 0; i < 21; i++) answers.push(await throttle.check(req('/api/articles/1', { cookie: `payload-token=${fake}` })))
    expect(answers.slice(0, 20).every((answer) => answer === null)).toBe(true)
    expect(answers[20]).toBeGreaterThanOrEqual(1)
  })

  it("charges a page only when its answer is an error: a scanner's 404s use up its points, then its pages wait", async () => {
    const throttle = throttleFrom(env)
    const { EventEmitter } = await import('node:events')
    const answer = (status: number) => Object.assign(new EventEmitter(), { statusCode: status })
    for (let i = 0; i < 20; i++) {
      const res = answer(200)
      expect(await throttle.check(req(`/bai-viet/bai-${i}`), res)).toBeNull()
      res.emit('finish')
    }
    expect(await throttle.check(req('/api/articles/1'))).toBeNull() // reading pages left its points alone
    for (let i = 0; i < 21; i++) {
      const res = answer(404)
      await throttle.check(req(`/bai-viet/khong-co-${i}`), res)
      res.emit('finish')
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await throttle.check(req('/bai-viet/bai-1'), answer(200))).toBeGreaterThanOrEqual(1)
    expect(await throttle.check(req('/bai-viet/bai-1', {}, '198.51.100.9'), answer(200))).toBeNull()
  })

  it('counts IPv4 addresses one by one, IPv6 by /64 network', () => {
    expect(meterKey('203.0.113.7')).toBe('203.0.113.7')
    expect(meterKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(meterKey('2001:db8:a0:1::1')).toBe(meterKey('2001:db8:a0:1:ffff:2:3:4'))
    expect(meterKey('2001:db8:a0:1::1')).not.toBe(meterKey('2001:db8:a0:2::1'))
  })

  it('reads the address from X-Forwarded-For only behind a trusted proxy', () => {
    const request = req('/', { 'x-forwarded-for': '192.0.2.1, 10.0.0.1' }, '127.0.0.1')
    expect(addressOf(request, false)).toBe('127.0.0.1')
    expect(addressOf(request, true)).toBe('192.0.2.1')
  })
})
