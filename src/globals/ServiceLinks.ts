import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { mustExist } from '../fields/mustExist'
import { auditGlobalChange } from '../audit/hooks'
import { revalidate, tags } from '../lib/cache'

const isWebAddress = (value: unknown) =>
  typeof value === 'string' && /^(https?:\/\/|\/)/.test(value) ? true : 'Địa chỉ phải bắt đầu bằng http://, https:// hoặc /.'

/** The sidebar's link groups (services, the province's apps), in the order editors set. */
export const ServiceLinks: GlobalConfig = {
  slug: 'service-links',
  label: { vi: 'Liên kết dịch vụ', en: 'Service links' },
  admin: { group: { vi: 'Tin bài', en: 'News' } },
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [() => revalidate(tags.serviceLinks), auditGlobalChange] },
  fields: [
    {
      name: 'groups',
      type: 'array',
      label: { vi: 'Nhóm liên kết', en: 'Link groups' },
      labels: { singular: { vi: 'Nhóm', en: 'Group' }, plural: { vi: 'Nhóm', en: 'Groups' } },
      // rows are titled by what they hold, not "Nhóm 01"
      admin: { components: { RowLabel: '/src/components/admin/RowLabel#GroupRowLabel' } },
      fields: [
        { name: 'title', type: 'text', localized: true, label: { vi: 'Tiêu đề nhóm (có thể để trống)', en: 'Group title (optional)' } },
        {
          name: 'links',
          type: 'array',
          label: { vi: 'Liên kết', en: 'Links' },
          labels: { singular: { vi: 'Liên kết', en: 'Link' }, plural: { vi: 'Liên kết', en: 'Links' } },
          admin: { components: { RowLabel: '/src/components/admin/RowLabel#LinkRowLabel' } },
          fields: [
            { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tên', en: 'Title' } },
            { name: 'url', type: 'text', required: true, validate: isWebAddress, label: { vi: 'Địa chỉ', en: 'URL' } },
            { name: 'banner', type: 'upload', relationTo: 'images', filterOptions: mustExist, label: { vi: 'Ảnh banner', en: 'Banner' } },
            { name: 'newTab', type: 'checkbox', defaultValue: true, label: { vi: 'Mở trong thẻ mới', en: 'Open in a new tab' } },
          ],
        },
      ],
    },
  ],
}
