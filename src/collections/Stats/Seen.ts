import { statsCollection } from './shared'

/**
 * Which visitor was already counted in which hour or day (site-wide and per page), named by the
 * visitor's salted hash; a row lives until its period ends. Makes "visitors" distinct per period
 * across instances.
 */
export const StatsSeen = statsCollection({
  slug: 'stats-seen',
  labels: { singular: { vi: 'Dấu đã đếm', en: 'Seen mark' }, plural: { vi: 'Dấu đã đếm', en: 'Seen marks' } },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'expires', type: 'number', required: true, index: true },
  ],
})
