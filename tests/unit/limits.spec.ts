/**
 * The front door's limits (scripts/limits.mjs) on a real node:http server whose handler reads
 * bodies the way the app does: what a request may make the server read, wait for or look up.
 */
import fs from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { streamBody } from '../helpers/abuse'
// @ts-expect-error: a plain ES module of the server, without types
import { addressDecodes, bodyCap, capBody, limitsFrom, mediaExists, MESSAGES, refuse, serverTimeouts, uploadSlots } from '../../scripts/limits.mjs'

const KB = 1024
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'limits-media-'))
fs.writeFileSync(path.join(mediaDir, 'anh.png'), 'png')
const limits = { ...limitsFrom({ MAX_BODY_KB: '64', MAX_UPLOAD_MB: '1', HEADERS_TIMEOUT_SECONDS: '1', MEDIA_DIR: mediaDir }), uploadsAtOnce: 1, uploadQueue: 1 }

let server: Server
let base: string
/** Bytes each request's handler actually received, by request path. */
const received = new Map<string, number>()
let holdUploads: Array<() => void> = []

beforeAll(async () => {
  const uploads = uploadSlots(limits)
  server = createServer(serverTimeouts(limits), (req: IncomingMessage, res: ServerResponse) => {
    if (!addressDecodes(req.url!)) return refuse(req, res, 400, MESSAGES.badAddress)
    if (capBody(req, res, bodyCap(req, limits))) return
    const app = () => {
      let size = 0
      req.on('data', (chunk: Buffer) => (size += chunk.length))
      req.on('end', () => {
        received.set(req.url!, size)
        const answer = () => res.writeHead(200, { 'content-type': 'text/plain' }).end(String(size))
        if (req.url!.startsWith('/api/images')) holdUploads.push(answer)
        else answer()
      })
      req.on('error', () => {})
    }
    if (req.url!.startsWith('/api/images/file/')) {
      mediaExists(req, limits).then((exists: boolean) => (exists ? res.end('file') : refuse(req, res, 404, MESSAGES.notFound)))
      return
    }
    if (req.url!.startsWith('/api/images') && req.method === 'POST') {
      if (!uploads.take(res, app)) refuse(req, res, 503, MESSAGES.busy, { 'retry-after': '5' })
      return
    }
    app()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

/** Sends a body (chunked unless a length is given) until the server answers or `total` is sent. */
const send = (pathname: string, total: number, options: { length?: number; contentType?: string } = {}) =>
  streamBody({ url: base }, pathname, total, {
    length: options.length,
    headers: { 'content-type': options.contentType ?? 'application/json' },
  })

describe('bodies', () => {
  it('refuses a body whose Content-Length is over the cap with 413, before reading any of it', async () => {
    const answer = await send('/api/articles', 0, { length: 64 * 1024 * KB })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: 'Nội dung gửi lên quá lớn: tối đa 64 KB.' }] })
    expect(answer.headers.connection).toBe('close')
    expect(received.has('/api/articles')).toBe(false)
  })

  it('gives logging in and the account forms 16 KB: an e-mail and a password need no more', async () => {
    expect((await send('/api/users/login', 16 * KB, { length: 16 * KB })).status).toBe(200)
    const answer = await send('/api/users/forgot-password', 0, { length: 16 * KB + 1 })
    expect([answer.status, JSON.parse(answer.body).errors[0].message]).toEqual([413, 'Nội dung gửi lên quá lớn: tối đa 16 KB.'])
  })

  it('refuses a chunked body as soon as it passes the cap: the app never sees more than the cap', async () => {
    const answer = await send('/api/articles/1/rating', 50 * 1024 * KB)
    expect(answer.status).toBe(413)
    expect(answer.sent).toBeLessThan(4 * 1024 * KB) // stopped long before the 50 MB the client meant to send
    expect(received.has('/api/articles/1/rating')).toBe(false)
  })

  it('passes a chunked body under the cap whole', async () => {
    const answer = await send('/api/chunked-small', 40 * KB)
    expect(answer).toMatchObject({ status: 200, body: String(40 * KB) })
  })

  it('passes a body of exactly the cap and refuses one byte more', async () => {
    expect((await send('/api/exact', 64 * KB, { length: 64 * KB })).status).toBe(200)
    expect((await send('/api/over', 64 * KB + 1, { length: 64 * KB + 1 })).status).toBe(413)
  })

  it('gives uploads to the images collection their own, larger cap', async () => {
    const upload = { contentType: 'multipart/form-data; boundary=x' }
    const fits = send('/api/images', 512 * KB, { ...upload, length: 512 * KB })
    await waitFor(() => holdUploads.length === 1)
    holdUploads.shift()!()
    expect((await fits).status).toBe(200)
    const tooLarge = await send('/api/images', 0, { ...upload, length: 1024 * KB + 1 })
    expect(tooLarge).toMatchObject({ status: 413, body: JSON.stringify({ errors: [{ message: 'Nội dung gửi lên quá lớn: tối đa 1 MB.' }] }) })
    // the same body as JSON elsewhere is over the 64 KB cap
    expect((await send('/api/articles', 0, { length: 512 * KB })).status).toBe(413)
  })

  it("refuses a Content-Length that is not a number (Node's parser, before our handler)", async () => {
    const raw = await rawRequest('POST /api/users/login HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n')
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
  })
})

describe('uploads', () => {
  it('processes one at a time, queues the next, and turns away the rest with 503 and Retry-After', async () => {
    holdUploads = []
    const upload = { contentType: 'multipart/form-data; boundary=x', length: 10 * KB }
    const first = send('/api/images', 10 * KB, upload)
    await waitFor(() => holdUploads.length === 1)
    const second = send('/api/images', 10 * KB, upload)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(holdUploads).toHaveLength(1) // the second waits, unread
    const third = await send('/api/images', 10 * KB, upload)
    expect(third.status).toBe(503)
    expect(third.headers['retry-after']).toBe('5')
    expect(JSON.parse(third.body).errors[0].message).toBe(MESSAGES.busy)
    holdUploads.shift()!()
    expect((await first).status).toBe(200)
    await waitFor(() => holdUploads.length === 1) // the second's turn
    holdUploads.shift()!()
    expect((await second).status).toBe(200)
  })
})

describe('addresses and files', () => {
  it('answers 400 for a path that does not decode, a short page in Vietnamese outside /api', async () => {
    const response = await fetch(`${base}/bai-viet/%ff`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toContain('Địa chỉ không hợp lệ.')
    expect(addressDecodes('/tim-kiem?q=%ff')).toBe(true) // the query is the page's to read
    expect(addressDecodes('/bai-viet/c%E1%BA%A3i-c%C3%A1ch')).toBe(true)
  })

  it('answers a missing media file with a quiet 404 and never leaves the media folder', async () => {
    expect((await fetch(`${base}/api/images/file/anh.png`)).status).toBe(200)
    for (const name of ['khong-co.png', '.env', 'a%5Cb']) {
      const response = await fetch(`${base}/api/images/file/${name}`)
      expect([name, response.status]).toEqual([name, 404])
    }
    // an encoded way out of the folder, or a NUL, is not an address at all
    for (const name of ['..%2F..%2Fetc%2Fpasswd', 'a%00b']) expect([name, (await fetch(`${base}/api/images/file/${name}`)).status]).toEqual([name, 400])
    // dots sent as is (fetch would resolve them itself) are not a path at all
    expect(await rawRequest('GET /api/images/file/.. HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
  })
})

describe('slow clients', () => {
  it('closes a connection whose headers never finish (slowloris) after HEADERS_TIMEOUT_SECONDS', async () => {
    const started = Date.now()
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1')
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n')
    const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 200)
    const answer = await new Promise<string>((resolve) => {
      let text = ''
      socket.on('data', (chunk) => (text += chunk))
      socket.on('close', () => resolve(text))
      socket.on('error', () => {})
    })
    clearInterval(trickle)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

async function waitFor(condition: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

function rawRequest(text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk
      socket.end()
    })
    socket.on('close', () => resolve(answer))
    socket.on('error', () => resolve(answer))
  })
}
