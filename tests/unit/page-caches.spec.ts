/**
 * The two page caches in the server's memory, Next's (cache-handler.cjs) and our server's copy of
 * page bytes (scripts/page-bytes.mjs): bounded in bytes, with not-found pages kept apart so that
 * a scanner asking for random addresses cannot push out the pages readers ask for.
 */
import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

// small bounds, read when the modules load
process.env.PAGE_CACHE_MAX_MB = '1'
process.env.PAGE_CACHE_NOT_FOUND_MB = '0.25'
process.env.PAGE_BYTES_MAX_MB = '0.5'
process.env.PAGE_BYTES_NOT_FOUND_MB = '0.125'
delete process.env.PAGE_BYTES_TTL_SECONDS
delete process.env.REDIS_URL

const MB = 1024 * 1024

type CacheEntry = { value: PageValue; lastModified: number } | null
type PageValue = { kind: string; html: string; rscData: Buffer; status: number; headers: Record<string, string>; segmentData: Map<string, Buffer> }
type CacheHandler = {
  get(key: string, ctx: object): Promise<CacheEntry>
  set(key: string, data: PageValue, ctx: object): Promise<void>
  revalidateTag(tags: string | string[]): Promise<void>
}

/** A page as Next's App Router gives it to the cache: about `size` bytes of HTML and as much RSC. */
function page(status: number, size: number, tags: string[] = []): PageValue {
  return {
    kind: 'APP_PAGE',
    html: `<!DOCTYPE html><title>${status}</title>`.padEnd(size, 'x'),
    rscData: Buffer.alloc(size, 1),
    status,
    headers: { 'x-next-cache-tags': tags.join(',') },
    segmentData: new Map([['/_tree', Buffer.alloc(64)]]),
  }
}

/** The bytes a kept page holds (its HTML as UTF-8, its RSC payload and segments). */
const bytesOf = (value: PageValue) =>
  Buffer.byteLength(value.html) + value.rscData.length + [...value.segmentData.values()].reduce((sum, b) => sum + b.length, 0)

const scanned = (i: number) => `/wp-admin-${i}-${(i * 7919) % 10007}.php`

describe("Next's page cache (cache-handler.cjs)", () => {
  const require = createRequire(import.meta.url)
  const Handler = require('../../cache-handler.cjs') as new () => CacheHandler
  const cache = new Handler()

  /** What is still kept of these keys, read once each. */
  async function kept(keys: string[]) {
    const found: PageValue[] = []
    for (const key of keys) {
      const entry = await cache.get(key, {})
      if (entry) found.push(entry.value)
    }
    return found
  }

  it("keeps a reader's page while a scanner's random addresses answer 404 by the thousand", async () => {
    await cache.set('/tin-tuc/thi-dua-tao-dot-pha', page(200, 20_000), {})
    const scans = Array.from({ length: 6000 }, (_, i) => scanned(i))
    for (const key of scans) await cache.set(key, page(404, 2000), {})

    expect((await cache.get('/tin-tuc/thi-dua-tao-dot-pha', {}))?.value.status).toBe(200)
    const notFound = await kept(scans)
    expect(notFound.length).toBeGreaterThan(0)
    expect(notFound.reduce((sum, value) => sum + bytesOf(value), 0)).toBeLessThanOrEqual(0.25 * MB)
  })

  it("keeps a reader's page while random slugs store reads that found nothing (null, [])", async () => {
    await cache.set('/tin-tuc/doc-that', page(200, 20_000), {})
    for (let i = 0; i < 6000; i++) {
      await cache.set(`unstable_cache article ${scanned(i)}`, { kind: 'FETCH', data: { headers: {}, body: i % 2 ? 'null' : '[]', status: 200, url: '' }, revalidate: false } as never, {})
    }
    expect((await cache.get('/tin-tuc/doc-that', {}))?.value.status).toBe(200)
  })

  it('keeps no more than PAGE_CACHE_MAX_MB of pages when filled far past it, the most recent kept', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `/tin-tuc/bai-${i}`)
    for (const key of keys) await cache.set(key, page(200, 10_000), {}) // 4 MB in all

    const pages = await kept(keys)
    expect(pages.reduce((sum, value) => sum + bytesOf(value), 0)).toBeLessThanOrEqual(1 * MB)
    expect(await cache.get(keys.at(-1)!, {})).not.toBeNull()
    expect(await cache.get(keys[0], {})).toBeNull()
  })

  it('does not keep a page larger than its whole bound', async () => {
    await cache.set('/tin-tuc/bao-cao-day-du', page(200, 0.6 * MB), {})
    expect(await cache.get('/tin-tuc/bao-cao-day-du', {})).toBeNull()
  })

  it('answers an unpublished article with its 404, not its page stored before', async () => {
    await cache.set('/tin-tuc/go-xuong', page(200, 5000), {})
    await cache.set('/tin-tuc/go-xuong', page(404, 2000), {})
    expect((await cache.get('/tin-tuc/go-xuong', {}))?.value.status).toBe(404)
  })

  it('expires the pages, found or not, that carry a revalidated tag, and only those', async () => {
    await cache.set('/tin-tuc/bai-a', page(200, 1000, ['article:a']), {})
    await cache.set('/tin-tuc/bai-a-cu', page(404, 1000), { tags: ['article:a'] })
    await cache.set('/tin-tuc/bai-b', page(200, 1000, ['article:b']), {})

    await cache.revalidateTag('article:a')

    expect(await cache.get('/tin-tuc/bai-a', {})).toBeNull()
    expect(await cache.get('/tin-tuc/bai-a-cu', {})).toBeNull()
    expect(await cache.get('/tin-tuc/bai-b', {})).not.toBeNull()
  })

  it('shares one memory with the other copies of itself in the process (Next loads one for the proxy too): a job revalidating through the last loaded copy expires the pages the first serves', async () => {
    await cache.set('/tin-tuc/bai-hen-gio', page(404, 1000), { tags: ['article:hen-gio'] })
    // a second copy of the file, loaded as a module of its own (as Next's bundle of the proxy is)
    const copy = path.join(path.dirname(require.resolve('../../cache-handler.cjs')), 'node_modules', '.cache', `cache-handler-copy-${process.pid}.cjs`)
    fs.mkdirSync(path.dirname(copy), { recursive: true })
    fs.copyFileSync(require.resolve('../../cache-handler.cjs'), copy)
    const Copy = require(copy) as new () => CacheHandler // sets the hook for jobs anew, as the proxy's copy does
    fs.rmSync(copy)
    expect(await new Copy().get('/tin-tuc/bai-hen-gio', {})).not.toBeNull()

    ;(globalThis as Record<symbol, (tags: string[]) => void>)[Symbol.for('cttd.revalidateTags')](['article:hen-gio'])

    expect(await cache.get('/tin-tuc/bai-hen-gio', {})).toBeNull()
  })

  it('renders again a page stored just after its tag was revalidated (its render may have read the old data)', async () => {
    await cache.revalidateTag('article:c')
    await cache.set('/tin-tuc/bai-c', page(200, 1000, ['article:c']), {})
    expect(await cache.get('/tin-tuc/bai-c', {})).toBeNull()
  })
})

type Response = ReturnType<typeof response>
type PageBytes = {
  pageKey(req: object, publicPage: boolean): string | null
  serveCached(key: string, res: Response): boolean
  capture(key: string, res: Response, isPublic: (res: Response) => boolean): void
}

/** What our server is handed for a reader's request: only what pageKey reads. */
const request = (url: string) => ({ method: 'GET', url, headers: { host: 'congthongtin.test', 'accept-encoding': 'gzip' } })

/** A ServerResponse as far as page-bytes uses one, recording what is sent. */
function response() {
  const headers: Record<string, unknown> = {}
  const sent: Buffer[] = []
  return Object.assign(new EventEmitter(), {
    statusCode: 200,
    sent,
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = value
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    getHeaders: () => ({ ...headers }),
    writeHead(status: number, given?: Record<string, unknown>) {
      this.statusCode = status
      for (const [name, value] of Object.entries(given ?? {})) this.setHeader(name, value)
      return this
    },
    write(chunk: string | Buffer) {
      sent.push(Buffer.from(chunk))
      return true
    },
    end(chunk?: string | Buffer) {
      if (chunk) sent.push(Buffer.from(chunk))
      this.emit('close')
      return this
    },
  })
}

describe("our server's page bytes (scripts/page-bytes.mjs)", () => {
  let bytes: PageBytes

  beforeAll(async () => {
    // every test begins with a revalidation (below); the render window after it has its own test
    process.env.PAGE_BYTES_RENDER_WINDOW_MS = '0'
    // @ts-expect-error: a plain ES module of the server, without types
    bytes = await import('../../scripts/page-bytes.mjs')
    delete process.env.PAGE_BYTES_RENDER_WINDOW_MS
  })
  beforeEach(() => (globalThis as Record<symbol, { clear(): void }>)[Symbol.for('cttd.pageBytes')].clear())

  /** Next answers `url` with `status` and `body`; page-bytes captures it. */
  function render(url: string, status: number, body: string, from: PageBytes = bytes) {
    const res = response()
    from.capture(from.pageKey(request(url), true)!, res, () => true)
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=0' })
    res.write(body.slice(0, 100))
    res.end(body.slice(100))
  }

  /** The answer from the page bytes, or null when Next would be asked. */
  function served(url: string, from: PageBytes = bytes) {
    const res = response()
    return from.serveCached(from.pageKey(request(url), true)!, res) ? { status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(res.sent).toString() } : null
  }

  it('answers a page Next has rendered, with its status, headers and body', () => {
    const body = '<!DOCTYPE html><h1>Thi đua, tạo đột phá</h1>'.padEnd(5000, '.')
    render('/tin-tuc/thi-dua', 200, body)

    expect(served('/tin-tuc/thi-dua')).toEqual({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=0', 'content-length': Buffer.byteLength(body) },
      body,
    })
    expect(served('/tin-tuc/khac')).toBeNull()
  })

  it('keeps one copy of a page whatever Host a client names (random names cannot fill it)', () => {
    const named = (host: string) => ({ ...request('/tin-tuc/thi-dua'), headers: { host, 'accept-encoding': 'gzip' } })
    expect(bytes.pageKey(named('a.example'), true)).toBe(bytes.pageKey(named('b.example'), true))
  })

  it("keeps a reader's page while a scanner's random addresses answer 404 by the thousand", () => {
    render('/tin-tuc/thi-dua', 200, 'Bài viết'.padEnd(20_000, '.'))
    const scans = Array.from({ length: 2000 }, (_, i) => scanned(i))
    for (const url of scans) render(url, 404, 'Không tìm thấy trang'.padEnd(2000, '.'))

    expect(served('/tin-tuc/thi-dua')?.status).toBe(200)
    const notFound = scans.map((url) => served(url)).filter((answer) => answer !== null)
    expect(notFound.length).toBeGreaterThan(0)
    expect(notFound.reduce((sum, answer) => sum + Buffer.byteLength(answer.body), 0)).toBeLessThanOrEqual(0.125 * MB)
  })

  it('keeps no more than PAGE_BYTES_MAX_MB of pages when filled far past it, the most recent kept', () => {
    const urls = Array.from({ length: 200 }, (_, i) => `/tin-tuc/bai-${i}`)
    for (const url of urls) render(url, 200, 'Bài viết'.padEnd(10_000, '.')) // 2 MB in all

    const pages = urls.map((url) => served(url)).filter((answer) => answer !== null)
    expect(pages.reduce((sum, answer) => sum + Buffer.byteLength(answer.body), 0)).toBeLessThanOrEqual(0.5 * MB)
    expect(served(urls.at(-1)!)).not.toBeNull()
    expect(served(urls[0])).toBeNull()
  })

  it('does not keep a page rendered just after a revalidation (it may have read rows not yet committed), and keeps it once the window has passed', async () => {
    process.env.PAGE_BYTES_RENDER_WINDOW_MS = '100'
    // @ts-expect-error: a plain ES module of the server, without types; a second copy with its own settings
    const windowed: PageBytes = await import('../../scripts/page-bytes.mjs?window')
    delete process.env.PAGE_BYTES_RENDER_WINDOW_MS

    render('/tin-tuc/thi-dua', 200, 'Bài viết cũ'.padEnd(1000, '.'), windowed)
    expect(served('/tin-tuc/thi-dua', windowed)).not.toBeNull() // kept: no revalidation yet
    ;(globalThis as Record<symbol, { clear(): void }>)[Symbol.for('cttd.pageBytes')].clear()
    render('/tin-tuc/thi-dua', 200, 'Bài viết cũ'.padEnd(1000, '.'), windowed)
    expect(served('/tin-tuc/thi-dua', windowed)).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 150))
    render('/tin-tuc/thi-dua', 200, 'Bài viết mới'.padEnd(1000, '.'), windowed)
    expect(served('/tin-tuc/thi-dua', windowed)?.body).toBe('Bài viết mới'.padEnd(1000, '.'))
  })

  it('asks Next again, once, for a page older than PAGE_BYTES_TTL_SECONDS, the expired copy answering meanwhile', async () => {
    process.env.PAGE_BYTES_TTL_SECONDS = '0.05'
    // @ts-expect-error: a plain ES module of the server, without types; a second copy with its own settings
    const shortLived: PageBytes = await import('../../scripts/page-bytes.mjs?ttl')
    delete process.env.PAGE_BYTES_TTL_SECONDS

    render('/tin-tuc/thi-dua', 200, 'Bài viết'.padEnd(1000, '.'), shortLived)
    expect(served('/tin-tuc/thi-dua', shortLived)).not.toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 80))
    // one reader's request goes to Next; the others meanwhile get the expired copy, not Next
    const refresh = response()
    expect(shortLived.serveCached(shortLived.pageKey(request('/tin-tuc/thi-dua'), true)!, refresh)).toBe(false)
    expect(served('/tin-tuc/thi-dua', shortLived)?.body).toBe('Bài viết'.padEnd(1000, '.'))
    expect(served('/tin-tuc/thi-dua', shortLived)?.body).toBe('Bài viết'.padEnd(1000, '.'))
    refresh.emit('close')
    render('/tin-tuc/thi-dua', 200, 'Bài viết mới'.padEnd(1000, '.'), shortLived)
    expect(served('/tin-tuc/thi-dua', shortLived)?.body).toBe('Bài viết mới'.padEnd(1000, '.'))
  })
})
