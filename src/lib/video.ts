/**
 * Videos an article may embed: YouTube and Vimeo only, recognised from any address an editor
 * pastes (a watch page, a short link, an embed address) and always played from the provider's
 * privacy-enhanced player (youtube-nocookie.com, Vimeo with `dnt=1`): no cookie is set on a reader
 * who does not press play. The readers' CSP allows frames from exactly these two hosts
 * (`frame-src` in scripts/headers.mjs).
 */
export type Video = { provider: 'youtube' | 'vimeo'; id: string; embedUrl: string }

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const VIMEO_ID = /^\d{1,12}$/
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com'])

/** The video an address points to, or null when it is not a YouTube or Vimeo video. */
export function parseVideo(address: string | null | undefined): Video | null {
  const raw = (address ?? '').trim()
  if (!raw || raw.length > 500) return null
  let url: URL
  try {
    url = new URL(raw.startsWith('//') ? `https:${raw}` : raw)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.toLowerCase()
  const parts = url.pathname.split('/').filter(Boolean)
  let youtube: string | undefined
  if (host === 'youtu.be') youtube = parts[0]
  else if (YOUTUBE_HOSTS.has(host)) {
    if (parts[0] === 'watch') youtube = url.searchParams.get('v') ?? undefined
    else if (['embed', 'shorts', 'live', 'v'].includes(parts[0] ?? '')) youtube = parts[1]
  }
  if (youtube !== undefined) {
    return YOUTUBE_ID.test(youtube) ? { provider: 'youtube', id: youtube, embedUrl: `https://www.youtube-nocookie.com/embed/${youtube}` } : null
  }
  let vimeo: string | undefined
  if (host === 'player.vimeo.com' && parts[0] === 'video') vimeo = parts[1]
  else if (host === 'vimeo.com' || host === 'www.vimeo.com') vimeo = parts[0]
  if (vimeo !== undefined && VIMEO_ID.test(vimeo)) return { provider: 'vimeo', id: vimeo, embedUrl: `https://player.vimeo.com/video/${vimeo}?dnt=1` }
  return null
}

export const VIDEO_MESSAGE = 'Chỉ nhúng được video YouTube hoặc Vimeo: dán địa chỉ của video (ví dụ https://www.youtube.com/watch?v=… hoặc https://vimeo.com/…).'
