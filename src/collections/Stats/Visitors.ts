import { statsCollection } from './shared'

/**
 * Presence: when each (hashed, today-only) visitor was last seen. Decides visits (30 minutes of
 * silence) and "online now" (5 minutes) from shared state, so several instances agree.
 */
export const StatsVisitors = statsCollection({
  slug: 'stats-visitors',
  labels: { singular: { vi: 'Khách đang hoạt động', en: 'Active visitor' }, plural: { vi: 'Khách đang hoạt động', en: 'Active visitors' } },
  fields: [
    { name: 'visitor', type: 'text', required: true, unique: true },
    { name: 'lastSeen', type: 'number', required: true, index: true },
  ],
})
