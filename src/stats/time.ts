/**
 * Where hits fall in time. Instants are UTC milliseconds; hours, days, months and years are cut
 * at Asia/Ho_Chi_Minh boundaries and named by their local labels, which sort as text:
 * hour "2026-11-27 08", day "2026-11-27", month "2026-11", year "2026".
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'
export const VISIT_GAP_MS = 30 * 60_000
export const ONLINE_WINDOW_MS = 5 * 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
})

export type Buckets = { hour: string; day: string; month: string; year: string }

/** The local hour, day, month and year an instant belongs to. Memoised per UTC hour. */
let memo: { hourStart: number; buckets: Buckets } | null = null
export function bucketsOf(ms: number): Buckets {
  const hourStart = ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS)
  if (memo?.hourStart === hourStart) return memo.buckets
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map(({ type, value }) => [type, value]))
  const day = `${p.year}-${p.month}-${p.day}`
  const buckets = { hour: `${day} ${p.hour}`, day, month: `${p.year}-${p.month}`, year: p.year! }
  memo = { hourStart, buckets }
  return buckets
}

/** Offset of local time from UTC at an instant, in ms (+7 h for Viet Nam, asked of Intl). */
function offsetAt(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map(({ type, value }) => [type, Number(value)]))
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!)
  return asUtc - (ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS))
}

/** The UTC instant at which a local wall-clock time begins. */
export function localToUtc(year: number, month: number, day = 1, hour = 0): number {
  const guess = Date.UTC(year, month - 1, day, hour)
  return guess - offsetAt(guess - offsetAt(guess))
}

/** The UTC instant a bucket label begins at. */
export function bucketStart(label: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?: (\d{2}))?$/.exec(label)
  if (!m) throw new Error(`not a bucket label: ${label}`)
  return localToUtc(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1), Number(m[4] ?? 0))
}

/** The UTC instant the bucket after this one begins (its end). */
const ends = new Map<string, number>()
export function bucketEnd(label: string): number {
  let end = ends.get(label)
  if (end === undefined) {
    if (ends.size > 1000) ends.clear()
    ends.set(label, (end = computeBucketEnd(label)))
  }
  return end
}

function computeBucketEnd(label: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?: (\d{2}))?$/.exec(label)!
  const [y, mo, d, h] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1), Number(m[4] ?? 0)]
  if (m[4] !== undefined) return localToUtc(y, mo, d, h) + HOUR_MS
  if (m[3] !== undefined) return localToUtc(y, mo, d + 1)
  if (m[2] !== undefined) return localToUtc(y, mo + 1)
  return localToUtc(y + 1, 1)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Days from 1970-01-01 to a day label "YYYY-MM-DD" (any year, 0000 included: no 19xx mapping). */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(0).setUTCFullYear(y, m - 1, d) / DAY_MS
}

/** How many days from `from` to `to` inclusive, counted without listing them (0 when reversed). */
export const dayCount = (from: string, to: string): number => Math.max(0, dayNumber(to) - dayNumber(from) + 1)

/**
 * Every day label from `from` to `to` inclusive. Its length is counted first, so it ends however
 * the labels sort (past the year 9999 they stop sorting as text); callers bound the range.
 */
export function daysBetween(from: string, to: string): string[] {
  const start = dayNumber(from)
  const out: string[] = []
  for (let i = 0, n = dayCount(from, to); i < n; i += 1) {
    const date = new Date((start + i) * DAY_MS)
    out.push(`${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`)
  }
  return out
}

/** A valid calendar day label, or null. */
export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : null
}
