/**
 * The admin view "Sao lưu" (/admin/sao-luu), for admins: the schedule, where archives go and how
 * many are kept, the last backups the portal took (time, size, duration, result, why one failed),
 * and "Sao lưu ngay".
 */
import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../../access/roles'
import { BACKUP_TIMEZONE, backupCron, backupDirectory, backupKeep, interrupted, nextBackupAt } from '../../backup/run'
import { formatDateTime } from '../../lib/dates'
import { AdminViewFrame } from '../admin/AdminViewFrame'
import { BackupNowButton } from './BackupNowButton'

const RECENT = 30

const size = (bytes?: number | null) =>
  typeof bytes !== 'number' ? '' : bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
const duration = (ms?: number | null) => (typeof ms !== 'number' ? '' : ms < 60_000 ? `${(ms / 1000).toFixed(1).replace('.', ',')} giây` : `${Math.round(ms / 60_000)} phút`)

export async function BackupView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const allowed = hasRole(req.user, 'admin')
  if (!allowed) {
    return (
      <AdminViewFrame {...props} path="/sao-luu">
        <h1>Sao lưu</h1>
        <p role="alert">Chỉ quản trị viên xem và tạo được bản sao lưu.</p>
      </AdminViewFrame>
    )
  }
  const { docs } = await req.payload.find({ collection: 'backups', sort: '-startedAt', limit: RECENT, depth: 1, overrideAccess: true })
  const { cron, problem } = backupCron()
  const next = cron ? nextBackupAt(cron) : null
  const now = Date.now()
  const running = docs.some((row) => row.status === 'running' && !interrupted(row, now))
  const lastFailed = docs.find((row) => row.status !== 'running')?.status === 'failed'
  return (
    <AdminViewFrame {...props} path="/sao-luu">
      <h1>Sao lưu</h1>
      <p>
        Mỗi bản sao lưu gồm cơ sở dữ liệu và toàn bộ ảnh, lưu trong <code>{backupDirectory()}</code>; giữ {backupKeep()} bản mới nhất. Hãy
        chép các bản này ra ngoài máy chủ (xem README, mục Backups).
      </p>
      <p className="backup-schedule">
        {problem ? (
          <strong role="alert">{problem}</strong>
        ) : cron && next ? (
          <>
            Lịch: <code>{cron}</code> (giờ Việt Nam, {BACKUP_TIMEZONE}); lần tới: {formatDateTime(next)}.
          </>
        ) : (
          <>Sao lưu theo lịch đang tắt (BACKUP_CRON=off).</>
        )}
      </p>
      {lastFailed ? (
        <p role="alert" className="backup-failed">
          Lần sao lưu gần nhất đã thất bại: xem lý do trong bảng dưới đây và nhật ký máy chủ.
        </p>
      ) : null}
      <BackupNowButton running={running} latest={docs[0]?.id ?? null} />
      {docs.length === 0 ? (
        <p>Chưa có bản sao lưu nào do cổng tạo.</p>
      ) : (
        <div className="table backup-list">
          <table cellPadding={0} cellSpacing={0}>
            <thead>
              <tr>
                <th>Bắt đầu</th>
                <th>Cách chạy</th>
                <th>Kết quả</th>
                <th>Thời gian</th>
                <th>Dung lượng</th>
                <th>Tệp</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((row) => {
                const stopped = interrupted(row, now)
                const who = typeof row.requestedBy === 'object' && row.requestedBy ? row.requestedBy.name || row.requestedBy.email : ''
                return (
                  <tr key={row.id} className={`backup-row backup-row--${stopped ? 'failed' : row.status}`}>
                    <td>{formatDateTime(row.startedAt)}</td>
                    <td>{row.trigger === 'schedule' ? 'Theo lịch' : `Sao lưu ngay${who ? ` (${who})` : ''}`}</td>
                    <td>
                      {row.status === 'ok' ? 'Thành công' : row.status === 'failed' || stopped ? <strong>Thất bại</strong> : 'Đang chạy…'}
                      {row.status === 'failed' && row.error ? <pre className="backup-row__error">{row.error}</pre> : null}
                      {stopped ? <div className="backup-row__error">Bị gián đoạn: máy chủ dừng giữa chừng.</div> : null}
                    </td>
                    <td>{duration(row.durationMs)}</td>
                    <td>{size(row.size)}</td>
                    <td>{row.archive ? <code>{row.archive}</code> : ''}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </AdminViewFrame>
  )
}
