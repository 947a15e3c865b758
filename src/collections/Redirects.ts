import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'

/**
 * Old addresses that answer a permanent redirect (301) to their page here: the URLs of a
 * NukeViet portal moved over (`npm run import:nukeviet`), an article's address before an editor
 * changed its slug, and any an editor adds by hand.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: { vi: 'Chuyển hướng', en: 'Redirect' }, plural: { vi: 'Chuyển hướng', en: 'Redirects' } },
  admin: { useAsTitle: 'from', defaultColumns: ['from', 'to', 'source'], group: { vi: 'Hệ thống', en: 'System' } },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 2000,
      label: { vi: 'Địa chỉ cũ', en: 'Old address' },
      admin: { description: { vi: 'Đường dẫn trên trang này, bắt đầu bằng “/”.', en: 'A path on this site, starting with “/”.' } },
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      maxLength: 2000,
      label: { vi: 'Chuyển đến', en: 'Redirect to' },
    },
    {
      name: 'source',
      type: 'select',
      required: true,
      defaultValue: 'manual',
      options: [
        { value: 'manual', label: { vi: 'Nhập tay', en: 'By hand' } },
        { value: 'slug', label: { vi: 'Đổi đường dẫn bài', en: 'Slug changed' } },
        { value: 'nukeviet', label: { vi: 'Từ NukeViet', en: 'From NukeViet' } },
      ],
      label: { vi: 'Nguồn', en: 'Source' },
      admin: { position: 'sidebar' },
    },
  ],
}
