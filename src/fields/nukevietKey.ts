import type { Field } from 'payload'

/**
 * Where a document came from when it was moved over from NukeViet (`npm run import:nukeviet`):
 * its language, table and id there, e.g. `vi:news_rows:12`. A second import finds the document
 * by this key and updates it instead of making a copy. Empty for everything made here.
 */
export const nukevietKeyField = (): Field => ({
  name: 'nukevietKey',
  type: 'text',
  unique: true,
  index: true,
  label: { vi: 'Mã NukeViet', en: 'NukeViet key' },
  access: { create: () => false, update: () => false },
  admin: {
    readOnly: true,
    position: 'sidebar',
    condition: (data) => Boolean(data?.nukevietKey),
    description: { vi: 'Chuyển từ cổng NukeViet cũ.', en: 'Moved over from the old NukeViet portal.' },
  },
})
