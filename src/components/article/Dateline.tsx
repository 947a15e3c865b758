import { formatDateline } from '../../lib/dates'

/** "Thứ tư - 23/02/2022 20:22", with the machine-readable instant beside it. */
export function Dateline({ date }: { date?: string | null }) {
  if (!date) return null
  return (
    <time className="dateline" dateTime={new Date(date).toISOString()}>
      {formatDateline(date)}
    </time>
  )
}
