import { statsCollection } from './shared'

/** One random salt per local day, shared by every instance; deleted 48 hours after it was made. */
export const StatsSalts = statsCollection({
  slug: 'stats-salts',
  labels: { singular: { vi: 'Muối băm', en: 'Salt' }, plural: { vi: 'Muối băm', en: 'Salts' } },
  fields: [
    { name: 'day', type: 'text', required: true, unique: true },
    { name: 'salt', type: 'text', required: true },
    { name: 'createdMs', type: 'number', required: true },
  ],
})
