/** Dates as the portal shows them: always in the province's time zone, whatever the server's. */
export const PORTAL_TIME_ZONE = 'Asia/Ho_Chi_Minh'

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy']
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: PORTAL_TIME_ZONE,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

export type LocalParts = {
  weekday: number
  day: string
  month: string
  year: string
  hour: string
  minute: string
}

/** The wall-clock parts of an instant in Asia/Ho_Chi_Minh. */
export function localParts(date: Date | string): LocalParts {
  const instant = typeof date === 'string' ? new Date(date) : date
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Invalid date: ${String(date)}`)
  const parts = Object.fromEntries(
    partsFormatter.formatToParts(instant).map((part) => [part.type, part.value]),
  )
  return {
    weekday: WEEKDAY_INDEX[parts.weekday],
    day: parts.day,
    month: parts.month,
    year: parts.year,
    hour: parts.hour,
    minute: parts.minute,
  }
}

/** The article dateline as on the reference page: "Thứ tư - 23/02/2022 20:22". */
export function formatDateline(date: Date | string): string {
  const p = localParts(date)
  return `${WEEKDAYS_VI[p.weekday]} - ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
}

/** A date and time as the admin shows them (ADMIN_DATE_FORMAT): "01/12/2026 09:00". */
export function formatDateTime(date: Date | string): string {
  const p = localParts(date)
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
}

/** A short date for lists: "23/02/2022". */
export function formatShortDate(date: Date | string): string {
  const p = localParts(date)
  return `${p.day}/${p.month}/${p.year}`
}
