'use client'

/** "Thống kê truy cập": the sidebar block, filled at render time and refreshed by each hit's answer. */
import { useEffect, useState } from 'react'

import { formatCount, type LiveStats, onLiveStats } from './live'

type Counters = Pick<LiveStats, 'online' | 'today' | 'month' | 'total'>

const ROWS: [keyof Counters, { vi: string; en: string }][] = [
  ['online', { vi: 'Đang truy cập', en: 'Online now' }],
  ['today', { vi: 'Hôm nay', en: 'Today' }],
  ['month', { vi: 'Tháng hiện tại', en: 'This month' }],
  ['total', { vi: 'Tổng lượt truy cập', en: 'Total visits' }],
]

export function VisitorCounter({ initial, locale }: { initial: Counters | null; locale: 'vi' | 'en' }) {
  const [counters, setCounters] = useState(initial)
  useEffect(() => onLiveStats(({ online, today, month, total }) => setCounters({ online, today, month, total })), [])
  return (
    <section className="visitor-counter" aria-labelledby="thong-ke-truy-cap">
      <h2 id="thong-ke-truy-cap" className="link-group__title">
        {locale === 'vi' ? 'Thống kê truy cập' : 'Visitor statistics'}
      </h2>
      <dl aria-live="off">
        {ROWS.map(([key, label]) => (
          <div key={key} className="visitor-counter__row" data-counter={key}>
            <dt>{label[locale]}:</dt>
            <dd>{counters ? formatCount(counters[key]) : '…'}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
