/**
 * Where the "Quên mật khẩu" mail's link points: never to a domain the person asking chose.
 */
import type { PayloadRequest } from 'payload'

import { resetLink } from '../../src/security/resetPasswordMail'

const saved = { SERVER_URL: process.env.SERVER_URL, SMTP_URL: process.env.SMTP_URL, TRUST_PROXY: process.env.TRUST_PROXY }
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

const askedFrom = (host: string) =>
  ({ headers: new Headers({ host }), payload: { config: { routes: { admin: '/admin' }, admin: { routes: { reset: '/reset' } } } } }) as unknown as PayloadRequest

describe('the reset link', () => {
  it('is on SERVER_URL whatever Host the request names', () => {
    process.env.SERVER_URL = 'https://cong.example.gov.vn/'
    process.env.SMTP_URL = 'smtp://mail.example.gov.vn:587'
    expect(resetLink(askedFrom('evil.example'), 'tok')).toBe('https://cong.example.gov.vn/admin/reset/tok')
  })

  it('is a path only when mail really leaves (SMTP_URL) and SERVER_URL is unset: the asker chose the Host', () => {
    delete process.env.SERVER_URL
    process.env.SMTP_URL = 'smtp://mail.example.gov.vn:587'
    expect(resetLink(askedFrom('evil.example'), 'tok')).toBe('/admin/reset/tok')
  })

  it('is on the request’s own origin when the mail is only printed on the server’s console (the demo)', () => {
    delete process.env.SERVER_URL
    delete process.env.SMTP_URL
    expect(resetLink(askedFrom('127.0.0.1:3000'), 'tok')).toBe('http://127.0.0.1:3000/admin/reset/tok')
  })
})
