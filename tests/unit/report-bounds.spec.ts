/** The report's range is counted, not listed: days near the end of the calendar cost nothing. */
import { parseReportQuery } from '../../src/stats/report'
import { dayCount, daysBetween } from '../../src/stats/time'

describe('days of a report range', () => {
  it('are counted from the calendar, leap years included', () => {
    expect(dayCount('2024-02-28', '2024-03-01')).toBe(3)
    expect(dayCount('2000-01-01', '2100-12-31')).toBe(36_890)
    expect(dayCount('2026-07-10', '2026-07-01')).toBe(0)
  })

  it('are listed only as far as counted, even where labels stop sorting as text', () => {
    expect(daysBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31'])
    expect(daysBetween('2026-07-10', '2026-07-01')).toEqual([])
  })

  it('are refused past the years a report may name before any is listed', () => {
    const started = performance.now()
    expect(parseReportQuery(new URLSearchParams('from=9999-12-31&to=9999-12-31'), '2026-11-27')).toEqual({ ok: false, message: 'Năm phải từ 2000 đến 2100.' })
    expect(parseReportQuery(new URLSearchParams('from=2000-01-01&to=2100-12-31'), '2026-11-27')).toEqual({ ok: false, message: 'Khoảng thời gian tối đa 3660 ngày.' })
    expect(performance.now() - started).toBeLessThan(50)
  })
})
