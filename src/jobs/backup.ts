/**
 * The backup task of the job queue (queue "backup"). Payload's scheduler keeps one backup job
 * waiting for BACKUP_CRON's next time, read in Vietnam's time (Payload's own reading would use the
 * server's clock zone, often UTC: 02:00 would become 09:00 in Hà Nội); the queue, worked every
 * minute, runs it when that time comes. "Sao lưu ngay" queues one for now (src/backup/endpoint.ts).
 */
import type { TaskConfig } from 'payload'

import { BACKUP_QUEUE, type BackupTrigger, backupCron, nextBackupAt, releaseInterruptedBackups, runBackup } from '../backup/run'

export const BACKUP_TASK = 'backup'

type BackupInput = { trigger: BackupTrigger; slot: string; requestedBy?: string }

const { cron } = backupCron()

export const backupTask: TaskConfig<{ input: BackupInput; output: { status: string; archive?: string } }> = {
  slug: BACKUP_TASK,
  label: 'Sao lưu',
  retries: 0,
  inputSchema: [
    { name: 'trigger', type: 'text', required: true },
    { name: 'slot', type: 'text', required: true },
    { name: 'requestedBy', type: 'text' },
  ],
  ...(cron
    ? {
        schedule: [
          {
            cron,
            queue: BACKUP_QUEUE,
            hooks: {
              beforeSchedule: async ({ defaultBeforeSchedule, ...args }) => {
                await releaseInterruptedBackups(args.req.payload) // a job a dead server left "processing" would block the schedule
                const base = await defaultBeforeSchedule({ ...args, defaultBeforeSchedule: null as never }) // one waiting at most
                const at = nextBackupAt(cron)
                if (!at) return { ...base, shouldSchedule: false }
                return { ...base, waitUntil: at, input: { trigger: 'schedule', slot: `schedule:${at.toISOString()}` } }
              },
            },
          },
        ],
      }
    : {}),
  handler: async ({ input, req }) => {
    const requestedBy = input.requestedBy ? (/^\d+$/.test(input.requestedBy) ? Number(input.requestedBy) : input.requestedBy) : undefined
    const outcome = await runBackup(req.payload, { trigger: input.trigger === 'manual' ? 'manual' : 'schedule', slot: input.slot, requestedBy })
    if (outcome.status === 'failed') throw new Error(outcome.error)
    return { output: { status: outcome.status, ...(outcome.status === 'ok' ? { archive: outcome.archive } : {}) } }
  },
}
