import { bucketField, counts, keyField, periodField, statsCollection } from './shared'

/** Rollups per portal path (and its article) per hour, day and month. */
export const StatsPages = statsCollection({
  slug: 'stats-pages',
  readable: true,
  labels: { singular: { vi: 'Thống kê trang', en: 'Page rollup' }, plural: { vi: 'Thống kê trang', en: 'Page rollups' } },
  description: {
    vi: 'Lượt xem, lượt truy cập (trang vào đầu tiên) và khách theo từng trang; chỉ hệ thống ghi.',
    en: 'Page views, visits (by entry page) and visitors per page; written by the system only.',
  },
  // Covers the report's "top articles" query: an index-only scan of the buckets shown.
  indexes: [{ fields: ['bucket', 'article', 'pageViews', 'visits', 'visitors'] }],
  fields: [
    keyField,
    periodField,
    bucketField,
    { name: 'path', type: 'text', required: true, label: { vi: 'Đường dẫn', en: 'Path' }, admin: { readOnly: true } },
    { name: 'article', type: 'number', index: true, label: { vi: 'Mã bài viết', en: 'Article id' }, admin: { readOnly: true } },
    ...counts,
  ],
})
