/**
 * The live numbers a hit is answered with (public/portal.js writes them into the counter block
 * and the article's view count), and how counts are written everywhere.
 */
export type LiveStats = {
  online: number
  today: number
  month: number
  total: number
  article?: { id: number; views: number; rating: { total: number; count: number; average: number } }
}

/** Grouped with commas, as the province's portals have always shown them: 447,009,361. */
export const formatCount = (n: number) => new Intl.NumberFormat('en-US').format(n)
