/**
 * POST /api/backups/run: the "Sao lưu ngay" button of /admin/sao-luu. Admins only. Queues a backup
 * on the backup queue and starts working it at once (the job runs the backup in a process of its
 * own); answers 202 without waiting, and 409 while another backup is still running.
 */
import type { Endpoint } from 'payload'

import { hasRole } from '../access/roles'
import { formatDateTime } from '../lib/dates'
import { BACKUP_TASK } from '../jobs/backup'
import { BACKUP_QUEUE, interrupted } from './run'
import { answer } from '../lib/answer'

export const backupNowEndpoint: Endpoint = {
  path: '/run',
  method: 'post',
  handler: async (req) => {
    const { user, payload } = req
    if (!user) return answer(401, 'Bạn cần đăng nhập.')
    if (!hasRole(user, 'admin')) return answer(403, 'Chỉ quản trị viên được sao lưu.')
    const { docs: running } = await payload.find({
      collection: 'backups',
      where: { status: { equals: 'running' } },
      sort: '-startedAt',
      limit: 5,
      depth: 0,
      overrideAccess: true,
    })
    const live = running.find((row) => !interrupted(row))
    if (live) return answer(409, `Một bản sao lưu đang chạy (bắt đầu lúc ${formatDateTime(live.startedAt)}): hãy đợi nó xong.`)
    const job = await payload.jobs.queue({
      task: BACKUP_TASK,
      queue: BACKUP_QUEUE,
      input: { trigger: 'manual', slot: `manual:${new Date().toISOString()}:${user.id}`, requestedBy: String(user.id) },
    })
    // worked now rather than at the queue's next minute; the answer does not wait for it
    void payload.jobs.runByID({ id: job.id }).catch((error: unknown) => payload.logger.error(`SAO LƯU THẤT BẠI: ${(error as Error).message}`))
    return answer(202, 'Đã bắt đầu sao lưu.', { job: job.id })
  },
}
