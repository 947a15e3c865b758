import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { backupNowEndpoint } from '../backup/endpoint'

/**
 * One row per backup taken by the portal itself (the schedule, BACKUP_CRON, or an admin's "Sao lưu
 * ngay" in the Sao lưu view): when, how long, how big, and whether it worked. Written by the backup
 * job only (src/backup/run.ts); admins read it in /admin/sao-luu. `npm run backup` from a shell
 * leaves no row: it prints its own result.
 */
export const Backups: CollectionConfig = {
  slug: 'backups',
  labels: { singular: { vi: 'Bản sao lưu', en: 'Backup' }, plural: { vi: 'Sao lưu', en: 'Backups' } },
  admin: { hidden: true, useAsTitle: 'archive', defaultColumns: ['startedAt', 'status', 'archive', 'size'] },
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  lockDocuments: false,
  endpoints: [backupNowEndpoint],
  timestamps: true,
  fields: [
    // the time slot a scheduled backup is for (unique: two app instances never take the same one)
    { name: 'slot', type: 'text', unique: true, index: true, required: true },
    {
      name: 'trigger',
      type: 'select',
      required: true,
      options: [
        { value: 'schedule', label: { vi: 'Theo lịch', en: 'Scheduled' } },
        { value: 'manual', label: { vi: 'Sao lưu ngay', en: 'On demand' } },
      ],
    },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users' },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'running', label: { vi: 'Đang chạy', en: 'Running' } },
        { value: 'ok', label: { vi: 'Thành công', en: 'Succeeded' } },
        { value: 'failed', label: { vi: 'Thất bại', en: 'Failed' } },
      ],
    },
    { name: 'startedAt', type: 'date', required: true, index: true },
    { name: 'finishedAt', type: 'date' },
    { name: 'durationMs', type: 'number' },
    { name: 'archive', type: 'text' },
    { name: 'size', type: 'number' },
    { name: 'error', type: 'textarea' },
  ],
}
