/**
 * The hit a page sends: validated here, before anything is counted. Everything malformed is a
 * 400 with a message in Vietnamese.
 */
export const MAX_HIT_BYTES = 4096

export type HitInput = { path: string; article: number | null; referrer: string | null; screen: number | null; automated: boolean }

export const HIT_MESSAGES = {
  tooLarge: 'Dữ liệu gửi lên quá lớn (tối đa 4 KB).',
  malformed: 'Dữ liệu không hợp lệ: cần một đối tượng JSON có trường "path".',
  path: 'Đường dẫn không thuộc cổng thông tin.',
  article: 'Mã bài viết không hợp lệ.',
  unknownArticle: 'Không tìm thấy bài viết này.',
  referrer: 'Trường "referrer" phải là một địa chỉ http(s) hợp lệ.',
  screen: 'Trường "screen" phải là số nguyên từ 0 đến 20000.',
  automated: 'Trường "webdriver" phải là true hoặc false.',
  tooMany: 'Gửi quá nhiều yêu cầu, vui lòng thử lại sau.',
  method: 'Chỉ nhận POST.',
  unavailable: 'Hệ thống thống kê tạm thời không ghi được, vui lòng thử lại.',
} as const

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*'
/** The portal's public pages (src/app/(frontend)/[locale]/...), with or without the /en prefix. */
const PORTAL_PATH = new RegExp(
  `^(?:/en)?(?:/|/bai-viet/${SLUG}|/chuyen-muc/${SLUG}(?:/trang/[1-9][0-9]{0,4})?|/tac-gia/${SLUG}|/the/[^/?#]{1,100}|/tim-kiem)$`,
)

export function isPortalPath(path: string): boolean {
  return path === '/en' || PORTAL_PATH.test(path)
}

const hosts = new Map<string, string | null>()

/**
 * The host of an http(s) address, lowercased and without "www."; null when it is not such an
 * address. Remembered (up to 1,000 addresses): readers arrive from the same few pages.
 */
export function httpHost(address: string): string | null {
  let host = hosts.get(address)
  if (host === undefined) {
    try {
      const url = new URL(address)
      host = url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.replace(/^www\./, '').toLowerCase() : null
    } catch {
      host = null
    }
    if (hosts.size >= 1000) hosts.clear()
    hosts.set(address, host)
  }
  return host
}

export type Parsed = { ok: true; hit: HitInput } | { ok: false; message: string }

export function parseHit(body: string): Parsed {
  if (Buffer.byteLength(body) > MAX_HIT_BYTES) return { ok: false, message: HIT_MESSAGES.tooLarge }
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    return { ok: false, message: HIT_MESSAGES.malformed }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, message: HIT_MESSAGES.malformed }
  const { path, article = null, referrer = null, screen = null, webdriver = false } = data as Record<string, unknown>
  if (typeof path !== 'string') return { ok: false, message: HIT_MESSAGES.malformed }
  let decoded: string
  try {
    decoded = decodeURI(path)
  } catch {
    return { ok: false, message: HIT_MESSAGES.path }
  }
  if (path.length > 512 || !isPortalPath(decoded)) return { ok: false, message: HIT_MESSAGES.path }
  if (article !== null && !(typeof article === 'number' && Number.isSafeInteger(article) && article > 0)) {
    return { ok: false, message: HIT_MESSAGES.article }
  }
  if (referrer !== null && referrer !== '') {
    if (typeof referrer !== 'string' || referrer.length > 1024 || httpHost(referrer) === null) return { ok: false, message: HIT_MESSAGES.referrer }
  }
  if (screen !== null && !(typeof screen === 'number' && Number.isInteger(screen) && screen >= 0 && screen <= 20000)) {
    return { ok: false, message: HIT_MESSAGES.screen }
  }
  if (typeof webdriver !== 'boolean') return { ok: false, message: HIT_MESSAGES.automated }
  return {
    ok: true,
    hit: { path: decoded, article: article as number | null, referrer: (referrer as string) || null, screen: screen as number | null, automated: webdriver },
  }
}
