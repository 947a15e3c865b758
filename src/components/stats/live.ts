/**
 * The live numbers a hit is answered with, passed from the beacon to whoever shows them (the
 * counter block, the article's view count) as a window event. No Node APIs: client code.
 */
export type LiveStats = {
  online: number
  today: number
  month: number
  total: number
  article?: { id: number; views: number; rating: { total: number; count: number; average: number } }
}

export const LIVE_EVENT = 'cttd:stats'

/** Grouped with commas, as the province's portals have always shown them: 447,009,361. */
export const formatCount = (n: number) => new Intl.NumberFormat('en-US').format(n)

export function onLiveStats(listener: (stats: LiveStats) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<LiveStats>).detail)
  window.addEventListener(LIVE_EVENT, handler)
  return () => window.removeEventListener(LIVE_EVENT, handler)
}
