import type { CollectionConfig, Option } from 'payload'

import { hasRole } from '../access/roles'
import { isAdmin } from '../access/isAdmin'
import { ADMIN_DATE_FORMAT } from '../admin/dates'
import { AUDIT_ACTIONS, AUDIT_COLLECTION, AUDIT_TARGETS } from '../audit/actions'
import { AUDIT_TEXT_MAX } from '../audit/record'

/** Entries are written by the system only (src/audit/record.ts, Local API with access overridden). */
const nobody = () => false

const options = (labels: Record<string, { vi: string; en: string }>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }))

/**
 * Nhật ký thao tác: who did what to which article, account, vote or setting, and who logged in
 * or failed to. Append-only: admins read it; nobody creates, changes or deletes an entry by
 * REST, GraphQL or the admin, admins included. Written from hooks (src/audit/), never on a
 * reader's path.
 */
export const AuditLog: CollectionConfig = {
  slug: AUDIT_COLLECTION,
  labels: { singular: { vi: 'Nhật ký thao tác', en: 'Audit entry' }, plural: { vi: 'Nhật ký thao tác', en: 'Audit trail' } },
  timestamps: false,
  defaultSort: '-at',
  disableDuplicate: true,
  lockDocuments: false,
  admin: {
    group: { vi: 'Hệ thống', en: 'System' },
    useAsTitle: 'targetTitle',
    defaultColumns: ['at', 'actor', 'action', 'targetType', 'targetTitle', 'detail'],
    listSearchableFields: ['actorEmail', 'targetTitle', 'detail'],
    hidden: ({ user }) => !hasRole(user as Parameters<typeof hasRole>[0], 'admin'),
    description: {
      vi: 'Ai đăng nhập (và đăng nhập thất bại), ai tạo, sửa, đăng, gỡ, hẹn giờ hay xóa bài nào, ai đổi vai trò, thiết lập chung hay lượt đánh giá, lúc nào. Không ai sửa hay xóa được.',
      en: 'Who logged in (or failed), who created, edited, published, unpublished, scheduled or deleted which article, who changed a role, a setting or a vote, and when. Nobody can edit or delete it.',
    },
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['targetType', 'targetId'] }],
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      label: { vi: 'Thời gian', en: 'Time' },
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: `${ADMIN_DATE_FORMAT}:ss` } },
    },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: { vi: 'Người thực hiện', en: 'Actor' },
    },
    {
      name: 'actorEmail',
      type: 'text',
      maxLength: AUDIT_TEXT_MAX.email,
      label: { vi: 'E-mail (như đã gõ)', en: 'E-mail (as typed)' },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: options(AUDIT_ACTIONS),
      label: { vi: 'Thao tác', en: 'Action' },
    },
    {
      name: 'targetType',
      type: 'select',
      index: true,
      options: options(AUDIT_TARGETS),
      label: { vi: 'Đối tượng', en: 'Target' },
    },
    { name: 'targetId', type: 'text', label: { vi: 'Mã đối tượng', en: 'Target id' } },
    { name: 'targetTitle', type: 'text', maxLength: AUDIT_TEXT_MAX.title, label: { vi: 'Tên đối tượng', en: 'Target title' } },
    { name: 'detail', type: 'text', maxLength: AUDIT_TEXT_MAX.detail, label: { vi: 'Chi tiết', en: 'Detail' } },
    {
      name: 'addressHash',
      type: 'text',
      label: { vi: 'Mã băm địa chỉ', en: 'Address hash' },
      admin: { description: { vi: 'Mã băm có khóa của địa chỉ IP; cùng địa chỉ cho cùng mã, không lưu địa chỉ thật.', en: 'A keyed hash of the IP address.' } },
    },
  ],
}
