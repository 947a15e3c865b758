/** How the admin words a figure against the period before it, and names the periods, in plain Vietnamese. */
import { formatShortDate } from '../../lib/dates'
import { formatCount } from './live'

/** "Tăng 50% so với hôm qua (2)", "Giảm 10% …", "Bằng …", "Tăng so với … (0)" (no percentage of nothing). */
export function compareWith(current: number, previous: number, than: string): string {
  const before = `(${formatCount(previous)})`
  if (current === previous) return `Bằng ${than} ${before}`
  const direction = current > previous ? 'Tăng' : 'Giảm'
  if (previous === 0) return `${direction} so với ${than} ${before}`
  const pct = Math.round((Math.abs(current - previous) / previous) * 100)
  return `${direction} ${pct}% so với ${than} ${before}`
}

/** A report's day label (YYYY-MM-DD, already a Vietnam day) as dd/MM/yyyy. */
export const dayLabel = (day: string) => formatShortDate(`${day}T12:00:00+07:00`)

/** "kỳ trước từ 03/10/2026 đến 01/11/2026", or "ngày 02/11/2026" for one day. */
export const previousPeriodName = (from: string, to: string) =>
  from === to ? `ngày ${dayLabel(from)}` : `kỳ trước từ ${dayLabel(from)} đến ${dayLabel(to)}`

/** A series bucket as the chart shows it: 03/10/2026, 03/10/2026 14h, 10/2026, 2026. */
export function bucketLabel(bucket: string): string {
  if (/^\d{4}-\d{2}-\d{2} \d{2}$/.test(bucket)) return `${dayLabel(bucket.slice(0, 10))} ${bucket.slice(11)}h`
  if (/^\d{4}-\d{2}-\d{2}$/.test(bucket)) return dayLabel(bucket)
  if (/^\d{4}-\d{2}$/.test(bucket)) return `${bucket.slice(5)}/${bucket.slice(0, 4)}`
  return bucket
}
