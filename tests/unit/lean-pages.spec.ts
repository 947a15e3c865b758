/**
 * Readers' pages without Next's client runtime (scripts/lean-pages.mjs), on a real node:http
 * server whose handler writes the way Next does: a page's HTML, Next's scripts and payload in it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

// @ts-expect-error: a plain ES module of the server, without types
import { leanHtml, leanPage, notLean } from '../../scripts/lean-pages.mjs'

const PAGE = [
  '<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/3ejjeki_evs7w.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/398c2d76j7v7d.js"/>',
  '<script src="/_next/static/chunks/1o9l2sd6j1fqb.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
  '<title>Thi đua</title><script async="" src="/portal.js?v=f72a2cbd0c73"></script></head>',
  '<body><h1>Thi đua, tạo đột phá</h1><p>', 'Nội dung bài viết. '.repeat(200), '</p>',
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  '<script>$RC("B:0","S:0")</script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n\\u003c/p\\u003e"])</script>',
  '</body></html>',
].join('')

type Handler = (req: IncomingMessage, res: ServerResponse) => void

let server: Server
let url: string
let handler: Handler
/** leanPage's options for the next requests (a reader's page when empty). */
let options: { lean?: boolean; csp?: (html: Buffer, lean: boolean) => string } = {}

beforeAll(async () => {
  server = createServer((req, res) => {
    leanPage(req, res, undefined, options)
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** The raw answer: headers, and the body as sent and decoded. */
async function get(headers: Record<string, string>) {
  const { request } = await import('node:http')
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; sent: Buffer; text: string }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const sent = Buffer.concat(chunks)
        const encoding = res.headers['content-encoding']
        const body = encoding === 'gzip' ? zlib.gunzipSync(sent) : encoding === 'br' ? zlib.brotliDecompressSync(sent) : sent
        resolve({ status: res.statusCode ?? 0, headers: res.headers, sent, text: body.toString('utf8') })
      })
    })
      .on('error', reject)
      .end()
  })
}

const lean = (html: string, stylesheet?: (file: string) => string | null) => leanHtml(Buffer.from(html), stylesheet).toString('utf8')

describe('a reader’s page', () => {
  it('loses Next’s scripts, their preloads and the inlined RSC payload, and keeps everything else', () => {
    const page = lean(PAGE)
    expect(page).not.toMatch(/_next\/static\/chunks\/[^"]*\.js/)
    expect(page).not.toMatch(/__next_f|TURBOPACK/)
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/3ejjeki_evs7w.css" data-precedence="next"/>',
      '<script async="" src="/portal.js?v=f72a2cbd0c73"></script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<script>$RC("B:0","S:0")</script>',
      '<h1>Thi đua, tạo đột phá</h1>',
    ])
      expect(page).toContain(kept)
    expect(page.endsWith('</body></html>')).toBe(true)
  })

  it('loses Next’s scripts when Next tagged them with a nonce, whatever the order of their attributes', () => {
    const nonce = 'bm9uY2Utb2YtdGhpcy1yZXF1ZXN0'
    const tagged = [
      '<!DOCTYPE html><html lang="vi"><head>',
      `<link rel="preload" nonce="${nonce}" href="/_next/static/chunks/398c2d76j7v7d.js" as="script" fetchPriority="low"/>`,
      `<link as="script" href="/_next/static/chunks/1o9l2sd6j1fqb.js" rel="preload"/>`,
      `<script src="/_next/static/chunks/1o9l2sd6j1fqb.js" async="" nonce="${nonce}"></script>`,
      `<script nonce="${nonce}" src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>`,
      '<script async="" src="/portal.js?v=f72a2cbd0c73"></script></head><body><h1>Tin</h1>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      `<script nonce="${nonce}" id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>`,
      `<script id="_R_" nonce="${nonce}">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>`,
      `<script nonce="${nonce}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
      `<script nonce="${nonce}">self.__next_f.push([1,"1:\\"$Sreact.fragment\\""])</script>`,
      '</body></html>',
    ].join('')
    const page = lean(tagged)
    expect(page).toBe(
      '<!DOCTYPE html><html lang="vi"><head><script async="" src="/portal.js?v=f72a2cbd0c73"></script></head><body><h1>Tin</h1>' +
        '<script type="application/ld+json">{"@type":"NewsArticle"}</script></body></html>',
    )
    expect(page).not.toContain(nonce)
  })

  it('loses Next’s module preloads and its scripts served under an assetPrefix (a CDN or a path)', () => {
    const prefixed = [
      '<!DOCTYPE html><html lang="vi"><head>',
      '<link rel="modulepreload" href="https://cdn.tinh.gov.vn/_next/static/chunks/398c2d76j7v7d.js"/>',
      '<link href="/cong/_next/static/chunks/1o9l2sd6j1fqb.js" rel="modulepreload" fetchPriority="low"/>',
      '<link rel="preload" as="script" href="https://cdn.tinh.gov.vn/_next/static/chunks/0cz1d0mv5g_q7.js"/>',
      '<script src="https://cdn.tinh.gov.vn/_next/static/chunks/1o9l2sd6j1fqb.js" async=""></script>',
      '<script src="/cong/_next/static/chunks/main-app.js?v=1" async=""></script>',
      '<link rel="preload" as="image" href="/api/images/file/anh-320x200.webp"/>',
      '<script async="" src="/portal.js?v=f72a2cbd0c73"></script></head><body><h1>Tin</h1></body></html>',
    ].join('')
    const page = lean(prefixed)
    expect(page).toBe(
      '<!DOCTYPE html><html lang="vi"><head><link rel="preload" as="image" href="/api/images/file/anh-320x200.webp"/>' +
        '<script async="" src="/portal.js?v=f72a2cbd0c73"></script></head><body><h1>Tin</h1></body></html>',
    )
    expect(notLean(Buffer.from(page))).toBe(false)
  })

  it('carries its stylesheet inline whatever the order of the link’s attributes, and under an assetPrefix', () => {
    const css = '.tin{color:#333}'
    const asked: string[] = []
    const page = lean(
      '<head><link data-precedence="next" href="/_next/static/chunks/a1.css" rel="stylesheet"/>' +
        '<link rel="stylesheet" href="https://cdn.tinh.gov.vn/_next/static/chunks/b2.css" data-precedence="next"/></head>',
      (file) => (asked.push(file), css),
    )
    expect(asked).toEqual(['chunks/a1.css', 'chunks/b2.css'])
    expect(page).toBe(`<head><style>${css}</style><style>${css}</style></head>`)
  })

  it('is told apart from a page Next’s runtime is still in (what the server logs, once)', () => {
    expect(notLean(Buffer.from(lean(PAGE)))).toBe(false)
    expect(notLean(Buffer.from('<script src="/_next/static/chunks/x.js" async></script>'))).toBe(true)
    expect(notLean(Buffer.from('<link rel="prefetch" href="/_next/static/chunks/x.js"/>'))).toBe(true)
    expect(notLean(Buffer.from('<script>(self.__next_f=self.__next_f||[]).push([0])</script>'))).toBe(true)
    expect(notLean(Buffer.from('<img src="/_next/static/media/logo.png"/>'))).toBe(false)
  })

  it('carries its stylesheet inline when the built file can be read, and the link when not', () => {
    const css = '.article h1{font-size:1.6rem}'
    const asked: string[] = []
    const withStyle = lean(PAGE, (file) => (asked.push(file), css))
    expect(asked).toEqual(['chunks/3ejjeki_evs7w.css'])
    expect(withStyle).toContain(`<style>${css}</style><title>`.replace('<title>', '')) // in the link's place
    expect(withStyle).not.toContain('rel="stylesheet"')
    expect(lean(PAGE, () => null)).toContain('rel="stylesheet"')
  })

  it('is sent lean and compressed as the reader accepts, with its length and Vary', async () => {
    handler = (_req, res) => {
      // as Next writes a page: headers set, then the body in pieces
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.setHeader('vary', 'rsc, Accept-Encoding')
      res.write(PAGE.slice(0, 500))
      res.end(PAGE.slice(500))
    }
    for (const encoding of ['gzip', 'br']) {
      const answer = await get({ 'accept-encoding': `${encoding}, deflate` })
      expect(answer.status).toBe(200)
      expect(answer.headers['content-encoding']).toBe(encoding)
      expect(Number(answer.headers['content-length'])).toBe(answer.sent.length)
      expect(answer.headers.vary).toBe('rsc, Accept-Encoding')
      expect(answer.text).toBe(lean(PAGE))
      expect(answer.sent.length).toBeLessThan(answer.text.length / 5)
    }
    const plain = await get({})
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.text).toBe(lean(PAGE))
  })

  it('is asked of Next uncompressed, whatever the reader accepts', async () => {
    let asked: string | undefined = 'unset'
    handler = (req, res) => {
      asked = req.headers['accept-encoding']
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
    }
    await get({ 'accept-encoding': 'gzip, br' })
    expect(asked).toBeUndefined()
  })

  it('takes no coding the reader refuses with q=0', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
    expect((await get({ 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip')
    expect((await get({ 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined()
  })

  it('has its own ETag: Next’s with -lean, turned back into Next’s when the browser asks with it', async () => {
    let asked: string | undefined
    handler = (req, res) => {
      asked = req.headers['if-none-match']
      if (asked === '"abc"') return res.writeHead(304, { etag: '"abc"' }).end()
      res.writeHead(200, { 'content-type': 'text/html', etag: '"abc"' }).end(PAGE)
    }
    const first = await get({ 'accept-encoding': 'gzip' })
    expect(first.headers.etag).toBe('"abc-lean"')
    const again = await get({ 'accept-encoding': 'gzip', 'if-none-match': '"abc-lean"' })
    expect(asked).toBe('"abc"')
    expect(again.status).toBe(304)
    expect(again.headers.etag).toBe('"abc-lean"')
  })

  it('takes headers given to writeHead as an array, and a second end changes nothing', async () => {
    handler = (_req, res) => {
      res.writeHead(200, ['content-type', 'text/html; charset=utf-8', 'x-portal', 'yes'])
      res.end(PAGE)
      res.end('more')
    }
    const answer = await get({ 'accept-encoding': 'br' })
    expect(answer.headers['x-portal']).toBe('yes')
    expect(answer.text).toBe(lean(PAGE))
  })
})

describe('what is not a reader’s 200 page goes out as Next wrote it', () => {
  it('an error page keeps its scripts (Next’s 404 renders in the browser), compressed', async () => {
    handler = (_req, res) => res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
    const answer = await get({ 'accept-encoding': 'gzip' })
    expect(answer.status).toBe(404)
    expect(answer.headers['content-encoding']).toBe('gzip')
    expect(answer.text).toBe(PAGE)
  })

  it('an editor’s page keeps Next’s runtime and its ETag, compressed, with the CSP its HTML calls for', async () => {
    options = { lean: false, csp: (html, leaned) => `lean=${leaned} bytes=${html.length}` }
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"abc"' }).end(PAGE)
    const answer = await get({ 'accept-encoding': 'gzip' })
    options = {}
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe('gzip')
    expect(answer.headers.etag).toBe('"abc"')
    expect(answer.text).toBe(PAGE)
    expect(answer.headers['content-security-policy']).toBe(`lean=false bytes=${Buffer.byteLength(PAGE)}`)
  })

  it('a reader’s page gets its CSP from the lean HTML it is sent as', async () => {
    options = { csp: (html, leaned) => `lean=${leaned} bytes=${html.length}` }
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
    const answer = await get({})
    options = {}
    expect(answer.headers['content-security-policy']).toBe(`lean=true bytes=${Buffer.byteLength(lean(PAGE))}`)
  })

  it('an answer already encoded, a feed and a 304 pass unchanged', async () => {
    const gzipped = zlib.gzipSync(PAGE)
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': gzipped.length }).end(gzipped)
    const encoded = await get({ 'accept-encoding': 'gzip' })
    expect(encoded.sent.equals(gzipped)).toBe(true)

    const feed = '<?xml version="1.0"?><rss><script src="/_next/static/chunks/x.js"></script></rss>'
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed)
    expect((await get({ 'accept-encoding': 'gzip' })).text).toBe(feed)

    handler = (_req, res) => res.writeHead(304, { etag: '"abc"' }).end()
    const notModified = await get({ 'accept-encoding': 'gzip', 'if-none-match': '"abc"' })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.etag).toBe('"abc"')
    expect(notModified.sent.length).toBe(0)
  })
})
