'use client'

/**
 * The statistics dashboard: a date range (with presets) and its comparison with the period just
 * before, series by hour, day, month or year drawn with recharts, top articles, referrers,
 * browsers, operating systems, devices and bots, and a CSV export of what is shown. Everything
 * comes from GET /api/stats/report, which reads rollups only.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { deviceName, type Granularity, type ImportedHistory, type Ranked, type Report, shiftDay as shift } from '../../../stats/report'
import { bucketsOf } from '../../../stats/time'
import { bucketLabel, compareWith, dayLabel, previousPeriodName } from '../compare'
import { formatCount } from '../live'

const GRANULARITIES: [Granularity, string][] = [
  ['hour', 'Theo giờ'],
  ['day', 'Theo ngày'],
  ['month', 'Theo tháng'],
  ['year', 'Theo năm'],
]

/** Today in Viet Nam, as YYYY-MM-DD. */
const today = () => bucketsOf(Date.now()).day

const PRESETS: [string, () => { from: string; to: string; granularity: Granularity }][] = [
  ['Hôm nay', () => ({ from: today(), to: today(), granularity: 'hour' })],
  ['7 ngày', () => ({ from: shift(today(), -6), to: today(), granularity: 'day' })],
  ['30 ngày', () => ({ from: shift(today(), -29), to: today(), granularity: 'day' })],
  ['12 tháng', () => ({ from: `${shift(today(), -365).slice(0, 7)}-01`, to: today(), granularity: 'month' })],
  // the years before the move too, as carried over from NukeViet (30 years at most by year)
  ['Các năm', () => ({ from: `${Number(today().slice(0, 4)) - 15}-01-01`, to: today(), granularity: 'year' })],
]

/**
 * Days are typed as the newsroom writes them, dd/MM/yyyy: a native date input would follow the
 * browser's language (MM/dd/yyyy in an English browser).
 */
const DAY_INPUT = { type: 'text', inputMode: 'numeric', placeholder: 'dd/mm/yyyy', size: 10, required: true } as const
const TYPED_DAY_MESSAGE = 'Ngày phải có dạng dd/mm/yyyy, ví dụ 01/12/2026.'

/** "1/12/2026" → "2026-12-01" as the report takes it; null if not written so (the report checks it is a real day). */
function typedDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text)
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null
}

function RankedTable({ title, rows, name = (v) => v }: { title: string; rows: Ranked[]; name?: (value: string) => string }) {
  return (
    <section className="stats-panel">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="stats-empty">Chưa có số liệu.</p>
      ) : (
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">Lượt xem trang</th>
              <th scope="col">Lượt truy cập</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <td>{name(row.label)}</td>
                <td>{formatCount(row.pageViews)}</td>
                <td>{formatCount(row.visits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/**
 * What the old NukeViet portal counted before the move: its span and total, at which
 * granularities its history can be seen, and its all-time breakdowns (it kept no dates for them).
 */
function ImportedPanel({ imported }: { imported: ImportedHistory }) {
  const tables: [string, Ranked[]][] = [
    ['Trình duyệt', imported.browsers],
    ['Hệ điều hành', imported.os],
    ['Quốc gia', imported.countries],
    ['Bot', imported.bots],
    ['Ngày trong tuần', imported.daysOfWeek],
  ]
  return (
    <section className="stats-panel stats-imported" aria-label={`Số liệu chuyển từ ${imported.source}`}>
      <h2>Số liệu chuyển từ {imported.source}</h2>
      <p>
        {imported.from ? `Từ ${imported.from} đến ${imported.to}` : `Đến ${imported.to}`}: {formatCount(imported.total)} lượt truy cập (gồm
        cả lượt của bot, như {imported.source} đếm). {imported.source} lưu số liệu theo năm, theo tháng của năm cuối, theo ngày của
        tháng cuối và theo giờ của ngày cuối: các năm trước chỉ hiện khi xem theo năm; trong biểu đồ và CSV, phần chuyển từ{' '}
        {imported.source} được ghi riêng.
      </p>
      <div className="stats-grid">
        {tables.map(([title, rows]) => (
          <section key={title}>
            <h3>{title}</h3>
            <table className="stats-table">
              <thead>
                <tr>
                  <th scope="col">{title}</th>
                  <th scope="col">Lượt truy cập</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <td>{row.label}</td>
                    <td>{formatCount(row.visits)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </section>
  )
}

export function StatsDashboard() {
  const [range, setRange] = useState(PRESETS[2]![1]())
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(false)
  const query = useMemo(() => new URLSearchParams({ from: range.from, to: range.to, granularity: range.granularity }).toString(), [range])

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      const response = await fetch(`/api/stats/report?${query}`, { credentials: 'include' })
      const body = (await response.json()) as Report & { errors?: { message: string }[] }
      if (!response.ok) {
        setError(body.errors?.[0]?.message ?? 'Không tải được số liệu.')
        setReport(null)
      } else setReport(body)
    } catch {
      setError('Không kết nối được máy chủ.')
    } finally {
      setLoading(false)
    }
  }, [query])

  useEffect(() => {
    void load()
  }, [load])

  const chart = useMemo(
    () =>
      report?.current.series.map((point, i) => ({
        bucket: point.bucket,
        'Lượt truy cập': point.visits,
        'Lượt xem trang': point.pageViews,
        'Lượt truy cập kỳ trước': report.previous.series[i]?.visits ?? 0,
        'Trong đó chuyển từ NukeViet': point.imported,
      })) ?? [],
    [report],
  )

  return (
    <div className="stats-dashboard" aria-busy={loading}>
      <form
        className="stats-controls"
        onSubmit={(event) => {
          event.preventDefault()
          const data = new FormData(event.currentTarget)
          const from = typedDay(String(data.get('from')))
          const to = typedDay(String(data.get('to')))
          setError(from && to ? '' : TYPED_DAY_MESSAGE)
          if (from && to) setRange({ from, to, granularity: data.get('granularity') as Granularity })
        }}
      >
        <label>
          Từ ngày <input {...DAY_INPUT} name="from" defaultValue={dayLabel(range.from)} key={`from-${range.from}`} />
        </label>
        <label>
          Đến ngày <input {...DAY_INPUT} name="to" defaultValue={dayLabel(range.to)} key={`to-${range.to}`} />
        </label>
        <label>
          Xem{' '}
          <select name="granularity" defaultValue={range.granularity} key={`g-${range.granularity}`}>
            {GRANULARITIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--style-primary btn--size-small">
          Xem thống kê
        </button>
        <span className="stats-presets">
          {PRESETS.map(([label, make]) => (
            <button key={label} type="button" className="btn btn--style-secondary btn--size-small" onClick={() => setRange(make())}>
              {label}
            </button>
          ))}
        </span>
        <a className="btn btn--style-secondary btn--size-small" href={`/api/stats/report?${query}&format=csv`} download>
          Xuất CSV
        </a>
      </form>

      {error ? (
        <p role="alert" className="stats-error">
          {error}
        </p>
      ) : null}

      {report ? (
        <>
          <section className="stats-summary" aria-label="Tổng kỳ này so với kỳ trước">
            {(
              [
                ['visits', 'Lượt truy cập'],
                ['pageViews', 'Lượt xem trang'],
                ['visitors', 'Khách (cộng theo ngày)'],
                ['bots', 'Lượt bot'],
              ] as const
            ).map(([key, label]) => (
              <div key={key} className="stats-card" data-total={key}>
                <div className="stats-card__label">{label}</div>
                <div className="stats-card__value">{formatCount(report.current.totals[key])}</div>
                <div className="stats-card__change">
                  {compareWith(report.current.totals[key], report.previous.totals[key], previousPeriodName(report.previous.from, report.previous.to))}
                </div>
              </div>
            ))}
          </section>

          <section className="stats-panel stats-chart" aria-label="Biểu đồ theo thời gian">
            <h2>Lượt truy cập theo thời gian</h2>
            <ResponsiveContainer width="100%" height={320}>
              <LineChart data={chart} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="bucket" minTickGap={24} tickFormatter={bucketLabel} />
                <YAxis allowDecimals={false} tickFormatter={(v: number) => formatCount(v)} />
                <Tooltip formatter={(v) => formatCount(Number(v))} labelFormatter={(label) => bucketLabel(String(label))} />
                <Legend />
                <Line type="monotone" dataKey="Lượt truy cập" stroke="#c8102e" strokeWidth={2} dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="Lượt xem trang" stroke="#1f5fa8" dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="Lượt truy cập kỳ trước" stroke="#8a8f98" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
                {report.current.series.some((p) => p.imported > 0) ? (
                  <Line type="monotone" dataKey="Trong đó chuyển từ NukeViet" stroke="#b8860b" strokeDasharray="2 3" isAnimationActive={false} />
                ) : null}
              </LineChart>
            </ResponsiveContainer>
          </section>

          <section className="stats-panel">
            <h2>Bài viết xem nhiều</h2>
            {report.topArticles.length === 0 ? (
              <p className="stats-empty">Chưa có số liệu.</p>
            ) : (
              <table className="stats-table">
                <thead>
                  <tr>
                    <th scope="col">Bài viết</th>
                    <th scope="col">Lượt xem trang</th>
                    {/* a visit counts on the page where it starts (DESIGN.md): a reader who came from
                        the home page is a visitor of the article, not one of its visits */}
                    <th scope="col">Lượt truy cập bắt đầu tại bài</th>
                    <th scope="col">Khách xem bài (cộng theo ngày)</th>
                  </tr>
                </thead>
                <tbody>
                  {report.topArticles.map((a) => (
                    <tr key={a.id}>
                      <td>{a.slug ? <a href={`/admin/collections/articles/${a.id}`}>{a.label}</a> : a.label}</td>
                      <td>{formatCount(a.pageViews)}</td>
                      <td>{formatCount(a.visits)}</td>
                      <td>{formatCount(a.visitors)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="stats-panel stats-chart" aria-label="Thiết bị">
            <h2>Thiết bị</h2>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={report.devices.map((d) => ({ name: deviceName(d.label), 'Lượt xem trang': d.pageViews }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip formatter={(v) => formatCount(Number(v))} />
                <Bar dataKey="Lượt xem trang" fill="#1f5fa8" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </section>

          <div className="stats-grid">
            <RankedTable title="Nguồn truy cập" rows={report.referrers} />
            <RankedTable title="Trình duyệt" rows={report.browsers} />
            <RankedTable title="Hệ điều hành" rows={report.os} />
            <RankedTable title="Thiết bị" rows={report.devices} name={deviceName} />
            <RankedTable title="Bot" rows={report.bots} />
          </div>

          {report.imported ? <ImportedPanel imported={report.imported} /> : null}
        </>
      ) : null}
    </div>
  )
}
