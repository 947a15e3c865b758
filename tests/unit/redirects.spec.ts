/**
 * The front server's redirects (scripts/redirects.mjs): which addresses find a row, what the 301
 * says, and the bound on memory.
 */
// @ts-expect-error: a plain ES module of the server, without types
import { REDIRECT_CACHE_CONTROL, redirectTable } from '../../scripts/redirects.mjs'

const ROWS = [
  { from: '/vi/news/hoat-dong-cua-lanh-dao-tinh/chu-tich-ubnd-tinh-lam-viec-24.html', to: '/bai-viet/chu-tich-ubnd-tinh-lam-viec' },
  { from: '/vi/news/kinh-te/hoi-nghi-11.html', to: '/bai-viet/hoi-nghi' },
  { from: '/vi/news/kinh-te/hoi-nghi-12.html', to: '/bai-viet/hoi-nghi-2' },
  { from: '/vi/news/kinh-te', to: '/chuyen-muc/kinh-te' },
  { from: '/vi/news/tag/đầu-tư-công', to: '/the/dau-tu-cong' },
  { from: '/vi/news/rss', to: '/rss.xml' },
  { from: '/uploads/news/2026_11/dsc_1430.jpg', to: '/api/images/file/DSC_1430.jpg' },
  { from: '/bai-viet/ten-cu', to: '/bai-viet/tên-mới' },
  { from: '/chuyen-muc/cu', to: '/chuyen-muc/moi' },
  { from: '/lien-ket', to: 'https://dichvucong.gov.vn/' },
]

async function table(rows = ROWS, maxBytes = 1024 * 1024) {
  const made = redirectTable({ maxBytes, checkMs: 60_000 }, () => {})
  await made.load([rows])
  return made
}

describe('an old address finds its page', () => {
  it.each([
    ['/vi/news/hoat-dong-cua-lanh-dao-tinh/chu-tich-ubnd-tinh-lam-viec-24.html', '/bai-viet/chu-tich-ubnd-tinh-lam-viec'],
    ['/news/hoat-dong-cua-lanh-dao-tinh/chu-tich-ubnd-tinh-lam-viec-24.html', '/bai-viet/chu-tich-ubnd-tinh-lam-viec'],
    ['/index.php?language=vi&nv=news&op=hoat-dong-cua-lanh-dao-tinh/chu-tich-ubnd-tinh-lam-viec-24.html', '/bai-viet/chu-tich-ubnd-tinh-lam-viec'],
    ['/index.php?nv=news&op=hoat-dong-cua-lanh-dao-tinh%2Fchu-tich-ubnd-tinh-lam-viec-24.html', '/bai-viet/chu-tich-ubnd-tinh-lam-viec'],
    ['/vi/news/kinh-te/hoi-nghi-11.html', '/bai-viet/hoi-nghi'],
    ['/vi/news/kinh-te/hoi-nghi-12.html', '/bai-viet/hoi-nghi-2'],
    ['/vi/news/kinh-te/', '/chuyen-muc/kinh-te'],
    ['/vi/news/Kinh-Te', '/chuyen-muc/kinh-te'],
    ['/vi/news/kinh-te/page-3/', '/chuyen-muc/kinh-te'],
    ['/vi/news/tag/%C4%91%E1%BA%A7u-t%C6%B0-c%C3%B4ng', '/the/dau-tu-cong'],
    ['/vi/news/rss/', '/rss.xml'],
    ['/uploads/news/2026_11/dsc_1430.jpg', '/api/images/file/DSC_1430.jpg'],
    ['/bai-viet/ten-cu', '/bai-viet/t%C3%AAn-m%E1%BB%9Bi'],
    ['/bai-viet/ten-cu?utm_source=zalo', '/bai-viet/t%C3%AAn-m%E1%BB%9Bi?utm_source=zalo'],
    ['/en/bai-viet/ten-cu', '/en/bai-viet/t%C3%AAn-m%E1%BB%9Bi'],
    ['/chuyen-muc/cu/trang/2', '/chuyen-muc/moi/trang/2'],
    ['/chuyen-muc/cu/rss.xml', '/chuyen-muc/moi/rss.xml'],
    ['/lien-ket', 'https://dichvucong.gov.vn/'],
  ])('%s → %s', async (url, location) => {
    expect((await table()).find(url)).toBe(location)
  })

  it('and nothing else does', async () => {
    const made = await table()
    for (const url of ['/', '/bai-viet/ten-moi', '/vi/news/kinh-te/hoi-nghi-13.html', '/vi/news/van-hoa/hoi-nghi-11.html', '/vi/news', '/the/cu', '/chuyen-muc/khac/trang/2']) {
      expect([url, made.find(url)]).toEqual([url, null])
    }
  })
})

describe('the answer', () => {
  const request = (url: string, method = 'GET') => ({ url, method, headers: {} })
  const response = () => {
    const sent: { status?: number; headers?: Record<string, string>; ended?: boolean } = {}
    return {
      sent,
      writeHead: (status: number, headers: Record<string, string>) => Object.assign(sent, { status, headers }),
      end: () => (sent.ended = true),
    }
  }

  it('is a 301 with the Location, cacheable an hour, and the security headers set first', async () => {
    const made = await table()
    const res = response()
    let protectedFirst = false
    expect(made.answer(request('/news/kinh-te/'), res, () => (protectedFirst = res.sent.status === undefined))).toBe(true)
    expect(res.sent).toEqual({ status: 301, headers: { location: '/chuyen-muc/kinh-te', 'cache-control': REDIRECT_CACHE_CONTROL, 'content-length': '0' }, ended: true })
    expect(REDIRECT_CACHE_CONTROL).toBe('public, max-age=3600')
    expect(protectedFirst).toBe(true)
  })

  it('is not given to a POST, to /api, /admin and /_next, nor to a miss', async () => {
    const made = await table([...ROWS, { from: '/api/cu', to: '/bai-viet/x' }])
    for (const [url, method] of [['/news/kinh-te', 'POST'], ['/api/cu', 'GET'], ['/bai-viet/khong-co', 'GET']]) {
      expect([url, method, made.answer(request(url, method), response())]).toEqual([url, method, false])
    }
  })
})

describe('what a stranger sends after an old address', () => {
  /** Node refuses a header value outside Latin-1 or with control characters: the answer would throw. */
  const sendable = (location: string | null) => location === null || /^[\x21-\x7e]+$/.test(location)

  it('never makes a Location Node cannot send (letters, controls) after a renamed category', async () => {
    const made = await table()
    for (const url of ['/chuyen-muc/cu/%C4%91', '/chuyen-muc/cu/trang/%E1%BB%9B', '/en/chuyen-muc/cu/%C4%91', '/bai-viet/ten-cu?q=%C4%91\f', '/bai-viet/ten-cu?q=đ']) {
      const location = made.find(url)
      expect([url, sendable(location)]).toEqual([url, true])
    }
    expect(made.find('/chuyen-muc/cu/%C4%91')).toBe('/chuyen-muc/moi/%C4%91')
  })

  it('is never sent to another site through a category redirected to the home page', async () => {
    const made = await table([...ROWS, { from: '/chuyen-muc/cu-trang-chu', to: '/' }])
    for (const url of ['/chuyen-muc/cu-trang-chu/evil.example', '/chuyen-muc/cu-trang-chu//evil.example', '/chuyen-muc/cu-trang-chu/%5Cevil.example', '/chuyen-muc/cu-trang-chu/\\evil.example']) {
      const location = made.find(url)
      expect([url, location === null || (location.startsWith('/') && !/^\/[\/\\]/.test(location) && !/^\/%5c/i.test(location))]).toEqual([url, true])
    }
  })

  it('answers nothing rather than throw when a Location cannot be sent', async () => {
    const made = await table()
    const res = {
      writeHead: () => {
        throw Object.assign(new TypeError('Invalid character in header content ["location"]'), { code: 'ERR_INVALID_CHAR' })
      },
      end: () => {},
    }
    expect(made.answer({ url: '/chuyen-muc/cu/trang/2', method: 'GET', headers: {} }, res, () => {})).toBe(false)
  })
})

describe('memory', () => {
  it('holds rows up to REDIRECTS_MAX_MB and leaves the rest out', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ from: `/vi/news/kinh-te/bai-${i}.html`, to: `/bai-viet/bai-${i}` }))
    // a row costs 64 + 2 × (its characters): 148 bytes for bai-0 … bai-9, 152 for bai-10 … bai-99;
    // 10 × 148 + 40 × 152 = 7,560 bytes hold the first 50
    const made = await table(rows, 7560)
    expect(made.size).toBe(50)
    expect(made.bytes).toBe(7560)
    expect(made.find('/vi/news/kinh-te/bai-49.html')).toBe('/bai-viet/bai-49')
    expect(made.find('/vi/news/kinh-te/bai-50.html')).toBeNull()
  })
})
