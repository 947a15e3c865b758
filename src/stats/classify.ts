/**
 * What kind of client sent a hit, from its user agent (and what its script reported):
 * bots by `isbot` (headless browsers included, and any browser driven by automation),
 * browser, OS and device type by ua-parser-js (the MIT-licensed 1.x line), referrer host.
 */
import { isbotMatch } from 'isbot'
import UAParser from 'ua-parser-js'

export type Client = { bot: string | null; browser: string; os: string; device: 'mobile' | 'tablet' | 'desktop' | 'other' }

const UNKNOWN = 'Khác'

function botName(userAgent: string): string | null {
  if (!userAgent.trim()) return 'không có user agent'
  const match = isbotMatch(userAgent)
  if (!match) return null
  // The product token around the match names the bot well enough ("Googlebot/2.1" -> "Googlebot").
  const token = userAgent.split(/[\s;()]+/).find((part) => part.toLowerCase().includes(match.toLowerCase()))
  return (token ?? match).split('/')[0]!.slice(0, 60) || match
}

export function classifyClient(userAgent: string, screenWidth: number | null, automated: boolean): Client {
  const parsed = new UAParser(userAgent).getResult()
  const bot = botName(userAgent) ?? (automated ? 'trình duyệt tự động' : null)
  const type = parsed.device.type
  const device =
    type === 'mobile' || type === 'wearable'
      ? 'mobile'
      : type === 'tablet'
        ? 'tablet'
        : type === 'smarttv' || type === 'console' || type === 'embedded'
          ? 'other'
          : screenWidth !== null && screenWidth > 0 && screenWidth < 768
            ? 'mobile'
            : 'desktop'
  return { bot, browser: parsed.browser.name || UNKNOWN, os: parsed.os.name || UNKNOWN, device }
}

/**
 * The referring site's host; "" when there is none (a direct visit); null when the referrer is
 * the portal itself (a reader moving between its pages, not a source of traffic).
 */
export function referrerHost(referrer: string | null, ownHost: string | null): string | null {
  if (!referrer) return ''
  try {
    const url = new URL(referrer)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return ''
    const host = url.hostname.replace(/^www\./, '').toLowerCase()
    return ownHost && host === ownHost.replace(/^www\./, '').replace(/:\d+$/, '').toLowerCase() ? null : host
  } catch {
    return ''
  }
}
