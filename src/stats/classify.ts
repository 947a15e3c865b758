/**
 * What kind of client sent a hit, from its user agent (and what its script reported):
 * bots by `isbot` (headless browsers included, and any browser driven by automation),
 * browser, OS and device type by ua-parser-js (the MIT-licensed 1.x line), referrer host.
 */
import { isbotMatch } from 'isbot'
import UAParser from 'ua-parser-js'

import { httpHost } from './hit'

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

type Parsed = { bot: string | null; browser: string; os: string; type: string | undefined }

/** Parsing a user agent costs more than the rest of a hit; readers share a few thousand of them. */
const parsedAgents = new Map<string, Parsed>()
const MAX_CACHED_AGENTS = 5000

function parse(userAgent: string): Parsed {
  let parsed = parsedAgents.get(userAgent)
  if (parsed) return parsed
  // only what is recorded: not getResult(), which also works out the engine and the CPU
  const parser = new UAParser(userAgent)
  parsed = { bot: botName(userAgent), browser: parser.getBrowser().name || UNKNOWN, os: parser.getOS().name || UNKNOWN, type: parser.getDevice().type }
  if (parsedAgents.size >= MAX_CACHED_AGENTS) parsedAgents.delete(parsedAgents.keys().next().value!)
  parsedAgents.set(userAgent, parsed)
  return parsed
}

export function classifyClient(userAgent: string, screenWidth: number | null, automated: boolean): Client {
  const parsed = parse(userAgent)
  const bot = parsed.bot ?? (automated ? 'trình duyệt tự động' : null)
  const type = parsed.type
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
  return { bot, browser: parsed.browser, os: parsed.os, device }
}

/**
 * The referring site's host; "" when there is none (a direct visit); null when the referrer is
 * the portal itself (a reader moving between its pages, not a source of traffic).
 */
export function referrerHost(referrer: string | null, ownHost: string | null): string | null {
  const host = referrer ? httpHost(referrer) : null
  if (host === null) return ''
  return ownHost && host === ownHost.replace(/^www\./, '').replace(/:\d+$/, '').toLowerCase() ? null : host
}
