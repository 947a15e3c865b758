import { bucketField, count, counts, keyField, periodField, statsCollection } from './shared'

/** Site-wide rollups per hour, day, month and year (Asia/Ho_Chi_Minh), and all time. */
export const StatsTotals = statsCollection({
  slug: 'stats-totals',
  readable: true,
  labels: { singular: { vi: 'Tổng theo thời gian', en: 'Site total' }, plural: { vi: 'Tổng theo thời gian', en: 'Site totals' } },
  description: {
    vi: 'Số liệu tổng hợp toàn cổng theo giờ, ngày, tháng, năm; chỉ hệ thống ghi.',
    en: 'Site-wide rollups by hour, day, month and year; written by the system only.',
  },
  fields: [keyField, periodField, bucketField, ...counts, count('bots', { vi: 'Lượt máy (bot)', en: 'Bot hits' })],
})
