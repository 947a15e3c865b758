/**
 * "Thống kê truy cập": the sidebar block, filled at render time; public/portal.js writes in the
 * numbers each hit is answered with.
 */
import { formatCount, type LiveStats } from './live'

type Counters = Pick<LiveStats, 'online' | 'today' | 'month' | 'total'>

const ROWS: [keyof Counters, { vi: string; en: string }][] = [
  ['online', { vi: 'Đang truy cập', en: 'Online now' }],
  ['today', { vi: 'Hôm nay', en: 'Today' }],
  ['month', { vi: 'Tháng hiện tại', en: 'This month' }],
  ['total', { vi: 'Tổng lượt truy cập', en: 'Total visits' }],
]

export function VisitorCounter({ initial, locale }: { initial: Counters | null; locale: 'vi' | 'en' }) {
  return (
    <section className="visitor-counter" aria-labelledby="thong-ke-truy-cap">
      <h2 id="thong-ke-truy-cap" className="link-group__title">
        {locale === 'vi' ? 'Thống kê truy cập' : 'Visitor statistics'}
      </h2>
      <dl aria-live="off">
        {ROWS.map(([key, label]) => (
          <div key={key} className="visitor-counter__row" data-counter={key}>
            <dt>{label[locale]}:</dt>
            {/* the script writes here; React (on an editor's page) leaves what it wrote */}
            <dd suppressHydrationWarning>{initial ? formatCount(initial[key]) : '…'}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
