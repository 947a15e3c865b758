import { bucketField, count, keyField, periodField, statsCollection } from './shared'

/**
 * Visit history carried over from an old portal (NukeViet's nv4_counter), at the granularity it
 * kept: the all-time total, one row per past year, per month of its last year, per day of its
 * last month, per hour of its last day (period all | year | month | day | hour, bucket labelled
 * as in stats-totals), its all-time breakdowns (period browser | os | country | bot | dayofweek,
 * bucket = the value), and when it counted (period span, bucket start | last, visits = the Unix
 * time). Kept apart from the live rollups: an import replaces these rows whole (a second run
 * changes nothing) and never touches what the portal counted; the counter block and the report
 * add them and mark them as imported. Written only by src/import/nukeviet/figures.ts.
 */
export const StatsImported = statsCollection({
  slug: 'stats-imported',
  readable: true,
  labels: {
    singular: { vi: 'Số liệu truy cập chuyển từ NukeViet', en: 'Imported visit figure' },
    plural: { vi: 'Số liệu truy cập chuyển từ NukeViet', en: 'Imported visit figures' },
  },
  description: {
    vi: 'Lượt truy cập do cổng NukeViet cũ đếm, theo năm, tháng, ngày, giờ mà NukeViet lưu; chỉ công cụ chuyển dữ liệu ghi.',
    en: 'Visits the old NukeViet portal counted, by the years, months, days and hours it kept; written by the importer only.',
  },
  indexes: [{ fields: ['period', 'bucket'] }],
  fields: [
    keyField,
    { name: 'source', type: 'text', required: true, label: { vi: 'Nguồn', en: 'Source' }, admin: { readOnly: true } },
    periodField,
    bucketField,
    count('visits', { vi: 'Lượt truy cập', en: 'Visits' }),
  ],
})
