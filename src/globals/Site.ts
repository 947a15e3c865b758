import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isAdmin } from '../access/isAdmin'
import { mustExist } from '../fields/mustExist'
import { auditGlobalChange } from '../audit/hooks'
import { revalidate, tags } from '../lib/cache'

/** The agency behind the portal: header and footer. State portals must name all of this. */
export const Site: GlobalConfig = {
  slug: 'site',
  label: { vi: 'Thông tin cổng', en: 'Site' },
  admin: { group: { vi: 'Hệ thống', en: 'System' } },
  access: { read: anyone, update: isAdmin },
  hooks: { afterChange: [() => revalidate(tags.site), auditGlobalChange] },
  fields: [
    { name: 'portalName', type: 'text', required: true, localized: true, label: { vi: 'Tên cổng', en: 'Portal name' } },
    { name: 'agencyName', type: 'text', required: true, localized: true, label: { vi: 'Cơ quan chủ quản', en: 'Owning agency' } },
    { name: 'emblem', type: 'upload', relationTo: 'images', filterOptions: mustExist, label: { vi: 'Biểu trưng', en: 'Emblem' } },
    { name: 'responsiblePerson', type: 'text', required: true, label: { vi: 'Người chịu trách nhiệm', en: 'Person responsible' } },
    { name: 'address', type: 'text', required: true, localized: true, label: { vi: 'Địa chỉ', en: 'Address' } },
    { name: 'phone', type: 'text', required: true, label: { vi: 'Điện thoại', en: 'Phone' } },
    { name: 'email', type: 'email', required: true, label: { vi: 'Thư điện tử', en: 'Email' } },
    { name: 'licence', type: 'text', localized: true, label: { vi: 'Giấy phép', en: 'Licence' } },
    {
      name: 'statsStartingTotal',
      type: 'number',
      min: 0,
      defaultValue: 0,
      label: { vi: 'Tổng lượt truy cập chuyển từ cổng cũ', en: 'Visits carried over from the old portal' },
      admin: {
        step: 1,
        description: {
          vi: 'Cộng vào "Tổng lượt truy cập" trên cổng, ví dụ số liệu của cổng thông tin cũ.',
          en: 'Added to the portal\'s "total visits", e.g. the old portal\'s figure.',
        },
      },
      validate: (value: number | null | undefined) =>
        value == null || (Number.isSafeInteger(value) && value >= 0) ? true : 'Phải là số nguyên không âm.',
    },
  ],
}
