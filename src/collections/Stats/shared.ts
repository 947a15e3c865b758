import type { CollectionConfig, Field } from 'payload'

import { isEditor } from '../../access/isEditor'

const nobody = () => false

/**
 * Statistics tables are Payload collections so that they are migrated like everything else.
 * Only the recorder (src/stats) writes them, in SQL; nobody creates, edits or deletes a row
 * through the admin, REST or GraphQL.
 */
export const statsCollection = (
  config: Pick<CollectionConfig, 'slug' | 'labels' | 'fields' | 'indexes'> & { readable?: boolean; description?: { vi: string; en: string } },
): CollectionConfig => ({
  slug: config.slug,
  labels: config.labels,
  timestamps: false,
  lockDocuments: false,
  admin: {
    // out of the navigation and the first screen's cards (the view Thống kê truy cập reads them);
    // their lists stay reachable by address, and from that view
    group: false,
    hidden: !config.readable,
    description: config.description,
    disableCopyToLocale: true,
  },
  access: {
    read: config.readable ? isEditor : nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  indexes: config.indexes,
  fields: config.fields,
})

// labelled, or the admin's list shows an English "Key" column
export const keyField: Field = {
  name: 'key',
  type: 'text',
  required: true,
  unique: true,
  label: { vi: 'Mã', en: 'Key' },
  admin: { readOnly: true },
}

export const count = (name: string, label: { vi: string; en: string }): Field => ({
  name,
  type: 'number',
  defaultValue: 0,
  label,
  admin: { readOnly: true },
})

export const counts: Field[] = [
  count('pageViews', { vi: 'Lượt xem trang', en: 'Page views' }),
  count('visits', { vi: 'Lượt truy cập', en: 'Visits' }),
  count('visitors', { vi: 'Khách', en: 'Visitors' }),
]

export const bucketField: Field = {
  name: 'bucket',
  type: 'text',
  required: true,
  index: true,
  label: { vi: 'Khoảng thời gian', en: 'Period' },
  admin: { readOnly: true, description: 'YYYY | YYYY-MM | YYYY-MM-DD | YYYY-MM-DD HH (giờ Việt Nam) | all' },
}

export const periodField: Field = {
  name: 'period',
  type: 'text',
  required: true,
  label: { vi: 'Loại', en: 'Kind' },
  admin: { readOnly: true },
}
