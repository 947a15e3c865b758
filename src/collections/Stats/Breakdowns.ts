import { bucketField, count, keyField, statsCollection } from './shared'

/** Per local day: referrer host, browser, OS, device type, and bots by name. */
export const StatsBreakdowns = statsCollection({
  slug: 'stats-breakdowns',
  readable: true,
  labels: { singular: { vi: 'Phân loại truy cập', en: 'Breakdown' }, plural: { vi: 'Phân loại truy cập', en: 'Breakdowns' } },
  // Covers the report's breakdown query.
  indexes: [{ fields: ['bucket', 'dimension', 'value', 'pageViews', 'visits'] }],
  fields: [
    keyField,
    bucketField,
    { name: 'dimension', type: 'text', required: true, label: { vi: 'Tiêu chí', en: 'Dimension' }, admin: { readOnly: true } },
    { name: 'value', type: 'text', required: true, label: { vi: 'Giá trị', en: 'Value' }, admin: { readOnly: true } },
    count('pageViews', { vi: 'Lượt xem trang', en: 'Page views' }),
    count('visits', { vi: 'Lượt truy cập', en: 'Visits' }),
  ],
})
