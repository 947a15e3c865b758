/**
 * The review workflow's fields (src/workflow/review.ts decides their values) and who saved each
 * version. Staff only: the public never sees a note or who wrote it.
 */
import type { Field, FieldAccess } from 'payload'

import { isStaffField } from '../../access/isStaff'
import { dayAndTime } from '../../admin/dates'
import { REVIEW_LABELS, REVIEW_NOTE_MAX_LENGTH, REVIEW_STATUSES } from '../../workflow/review'

/** Set by hooks only: a request cannot write them. */
const systemOnly: FieldAccess = () => false

export const reviewFields: Field[] = [
  {
    name: 'reviewStatus',
    type: 'select',
    defaultValue: 'draft',
    index: true,
    options: REVIEW_STATUSES.map((value) => ({ value, label: REVIEW_LABELS[value] })),
    label: { vi: 'Trạng thái duyệt', en: 'Review status' },
    access: { read: isStaffField },
    admin: {
      position: 'sidebar',
      description: {
        vi: 'Phóng viên chọn "Chờ duyệt" khi bài đã xong. Biên tập viên viết ghi chú rồi chọn "Trả lại", hoặc đăng bài.',
        en: 'Reporters choose "Submitted" when done; editors write a note and return it, or publish.',
      },
    },
  },
  {
    name: 'reviewNote',
    type: 'textarea',
    maxLength: REVIEW_NOTE_MAX_LENGTH,
    label: { vi: 'Ghi chú duyệt', en: 'Review note' },
    access: { read: isStaffField },
    admin: {
      position: 'sidebar',
      description: { vi: 'Lý do trả lại, hoặc lời nhắn khi gửi duyệt.', en: 'Why it was returned, or a word on submitting.' },
    },
  },
  {
    name: 'submittedAt',
    type: 'date',
    index: true,
    label: { vi: 'Gửi lúc', en: 'Submitted at' },
    access: { read: isStaffField, create: systemOnly, update: systemOnly },
    admin: { position: 'sidebar', readOnly: true, date: dayAndTime },
  },
  {
    // Each version keeps who saved it: the version history shows who changed what.
    name: 'updatedBy',
    type: 'relationship',
    relationTo: 'users',
    label: { vi: 'Người sửa', en: 'Saved by' },
    access: { read: isStaffField, create: systemOnly, update: systemOnly },
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    // A reporter may delete a draft only while it never went live (src/access/articles.ts).
    name: 'firstPublishedAt',
    type: 'date',
    label: { vi: 'Đăng lần đầu lúc', en: 'First published at' },
    access: { read: isStaffField, create: systemOnly, update: systemOnly },
    admin: { hidden: true, disableListColumn: true, disableListFilter: true, disableBulkEdit: true },
  },
]
