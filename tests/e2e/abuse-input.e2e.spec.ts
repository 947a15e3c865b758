/**
 * Abuse by malformed input, against the real server (`npm start`): every request that was a 500
 * is a 4xx with its reason, answered at once, logged as no ERROR, and the server still serves.
 */
import net from 'node:net'

import { type RunningApp, startApp } from '../helpers/app'
import { errorLines, readerWaits, tokenOf } from '../helpers/abuse'

let app: RunningApp
let editorToken: string
beforeAll(async () => {
  app = await startApp()
  editorToken = await tokenOf(app, app.accounts.editor)
}, 600_000)
afterAll(async () => {
  await app?.stop()
})

type Case = { name: string; path: string; init?: RequestInit; status: number; message?: string }

const message = (text: string) => ({ errors: [{ message: text }] })
const multipart = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'multipart/form-data; boundary=x' },
  body,
})

const CASES: Case[] = [
  { name: 'an id that is not a number', path: '/api/articles/abc', status: 404, message: 'Không tìm thấy tài liệu.' },
  { name: 'an id that is not a number, on another collection', path: '/api/images/%5Dnull', status: 404, message: 'Không tìm thấy tài liệu.' },
  { name: 'a list of ids with text in it', path: '/api/articles?where[id][in]=1,2,abc', status: 400, message: 'Giá trị không hợp lệ cho trường "id" trong điều kiện lọc (where).' },
  { name: 'a date compared with text', path: '/api/articles?where[publishedAt][greater_than]=abc', status: 400, message: 'Giá trị không hợp lệ cho trường "publishedAt" trong điều kiện lọc (where).' },
  { name: 'a relationship compared with text', path: '/api/articles?where[primaryCategory][equals]=abc', status: 400, message: 'Giá trị không hợp lệ cho trường "primaryCategory" trong điều kiện lọc (where).' },
  { name: 'a page past any number', path: '/api/articles?page=99999999999999999999', status: 400, message: 'Tham số page phải là số nguyên từ 1 đến 1000000.' },
  { name: 'every article in one answer', path: '/api/articles?limit=1000000', status: 400, message: 'Tham số limit phải là số nguyên từ 1 đến 100.' },
  { name: 'a missing media file', path: '/api/images/file/khong-co-anh.png', status: 404, message: 'Không tìm thấy tệp.' },
  { name: 'an article address that does not decode', path: '/bai-viet/%ff', status: 400 },
  { name: 'a NUL byte in a path (PostgreSQL refuses it in text)', path: '/bai-viet/%5Dnull&%00', status: 400 },
  { name: 'a NUL byte in a query', path: '/tim-kiem?q=a%00b', status: 400 },
  { name: 'a verification token that does not exist', path: '/api/users/verify/abc', init: { method: 'POST' }, status: 404 },
  { name: 'a malformed multipart body to login', path: '/api/users/login', init: multipart('{"email":"a@b.c"}'), status: 400, message: 'Dữ liệu biểu mẫu (multipart) không hợp lệ.' },
  { name: 'a malformed multipart body to logout', path: '/api/users/logout', init: multipart('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'), status: 400, message: 'Dữ liệu biểu mẫu (multipart) không hợp lệ.' },
  {
    name: 'a multipart _payload that is not JSON',
    path: '/api/users/login',
    init: multipart('--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{not json\r\n--x--\r\n'),
    status: 400,
    message: 'Trường _payload phải là một đối tượng JSON.',
  },
  { name: 'malformed JSON to GraphQL (off)', path: '/api/graphql', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' }, status: 404 },
]

describe('malformed input', () => {
  it.each(CASES)('$name → $status', async ({ path, init, status, message: text }) => {
    const from = app.output().length
    const started = performance.now()
    const response = await fetch(`${app.url}${path}`, { redirect: 'manual', ...init })
    const body = await response.text()
    expect(response.status).toBe(status)
    if (text) expect(JSON.parse(body)).toEqual(message(text))
    expect(performance.now() - started).toBeLessThan(2000)
    await new Promise((resolve) => setTimeout(resolve, 50)) // let the log catch up
    expect(errorLines(app, from)).toEqual([])
  })

  it('a failed login is logged as one line, not an ERROR with a stack', async () => {
    const from = app.output().length
    const response = await fetch(`${app.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'khong-co@congthongtin.local', password: 'sai-mat-khau' }),
    })
    expect(response.status).toBe(401)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(errorLines(app, from)).toEqual([])
    expect(app.output().slice(from)).toMatch(/INFO.*401/)
  })

  it('the report refuses an impossible range at once, even for an editor (a link on another site opened in their browser)', async () => {
    const started = performance.now()
    const response = await fetch(`${app.url}/api/stats/report?from=9999-12-31&to=9999-12-31`, { headers: { authorization: `JWT ${editorToken}` } })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual(message('Năm phải từ 2000 đến 2100.'))
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('the preview exit never sends a browser elsewhere nor writes a header from the query', async () => {
    for (const path of ['/%5Cevil.example', '/%09/evil.example', '//evil.example', '/%0D%0ASet-Cookie:%20x=1', 'https://evil.example']) {
      const response = await fetch(`${app.url}/api/preview/exit?path=${path}`, { redirect: 'manual' })
      expect([path, response.status]).toEqual([path, 307])
      const location = response.headers.get('location')!
      expect(new URL(location, app.url).origin).toBe(app.url)
      expect(response.headers.get('set-cookie') ?? '').not.toMatch(/x=1/)
    }
    const back = await fetch(`${app.url}/api/preview/exit?path=/chuyen-muc/tin-tuc?trang=2`, { redirect: 'manual' })
    expect(back.headers.get('location')).toBe('/chuyen-muc/tin-tuc?trang=2')
  })

  it('a NUL byte in a JSON body is a 4xx on either database (PostgreSQL refuses it: answered 400), never an ERROR', async () => {
    const from = app.output().length
    const response = await fetch(`${app.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"a\\u0000@b.c","password":"x"}',
    })
    expect([400, 401]).toContain(response.status)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(errorLines(app, from)).toEqual([])
  })

  it('a path with dot segments, sent as is (a browser resolves them), is 400: no free path leads elsewhere', async () => {
    for (const path of ['/_next/static/../../tim-kiem?q=x', '/api/images/file/../../articles?limit=100', '/api/images/file/%2e%2e/%2e%2e/articles']) {
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(new URL(app.url).port), '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: portal\r\nConnection: close\r\n\r\n`))
        let text = ''
        socket.on('data', (chunk) => (text += chunk))
        socket.on('close', () => resolve(text))
        socket.on('error', () => resolve(text))
      })
      expect([path, answer.slice(0, 12)]).toEqual([path, 'HTTP/1.1 400'])
    }
  })

  it('the server still serves readers after all of it', async () => {
    expect(await readerWaits(app)).toBeLessThan(2000)
  })
})
