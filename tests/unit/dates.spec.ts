import { formatDateline, formatShortDate } from '../../src/lib/dates'

describe('the article dateline', () => {
  it('reads as on the reference page, in Asia/Ho_Chi_Minh time', () => {
    // 23/02/2022 20:22 in Hanoi is 13:22 UTC, a Wednesday.
    expect(formatDateline('2022-02-23T13:22:00Z')).toBe('Thứ tư - 23/02/2022 20:22')
  })

  it('names every weekday in Vietnamese', () => {
    const week = ['2022-02-20', '2022-02-21', '2022-02-22', '2022-02-23', '2022-02-24', '2022-02-25', '2022-02-26']
    expect(week.map((day) => formatDateline(`${day}T03:00:00Z`).split(' - ')[0])).toEqual([
      'Chủ nhật',
      'Thứ hai',
      'Thứ ba',
      'Thứ tư',
      'Thứ năm',
      'Thứ sáu',
      'Thứ bảy',
    ])
  })

  it('turns the day at local midnight, not UTC midnight', () => {
    expect(formatDateline('2022-02-23T16:59:00Z')).toBe('Thứ tư - 23/02/2022 23:59')
    expect(formatDateline('2022-02-23T17:00:00Z')).toBe('Thứ năm - 24/02/2022 00:00')
  })

  it('turns the month and the year at local midnight', () => {
    expect(formatDateline('2022-02-28T17:00:00Z')).toBe('Thứ ba - 01/03/2022 00:00')
    expect(formatDateline('2021-12-31T16:59:59Z')).toBe('Thứ sáu - 31/12/2021 23:59')
    expect(formatDateline('2021-12-31T17:00:00Z')).toBe('Thứ bảy - 01/01/2022 00:00')
  })

  it('handles a leap day', () => {
    expect(formatDateline('2024-02-28T17:30:00Z')).toBe('Thứ năm - 29/02/2024 00:30')
  })

  it('does not depend on the server time zone', () => {
    const before = process.env.TZ
    process.env.TZ = 'America/New_York'
    try {
      expect(formatDateline(new Date('2022-02-23T13:22:00Z'))).toBe('Thứ tư - 23/02/2022 20:22')
    } finally {
      process.env.TZ = before
    }
  })

  it('refuses an invalid date instead of printing "Invalid Date"', () => {
    expect(() => formatDateline('not a date')).toThrow(RangeError)
  })

  it('gives a short date for lists', () => {
    expect(formatShortDate('2022-02-23T17:00:00Z')).toBe('24/02/2022')
  })
})
