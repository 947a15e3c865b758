/** The admin view "Thống kê truy cập" (/admin/thong-ke), inside the admin's own frame. */
import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../../../access/roles'
import { AdminViewFrame } from '../../admin/AdminViewFrame'
import { StatsDashboard } from './StatsDashboard'

const RAW_TABLES = [
  ['stats-totals', 'Tổng theo thời gian'],
  ['stats-pages', 'Thống kê trang'],
  ['stats-breakdowns', 'Phân loại truy cập'],
  ['stats-imported', 'Số liệu chuyển từ NukeViet'],
] as const

export function StatsView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const allowed = hasRole(req.user, 'admin', 'editor')
  return (
    <AdminViewFrame {...props} path="/thong-ke">
      <h1 className="stats-view__title">Thống kê truy cập</h1>
      {allowed ? <StatsDashboard /> : <p role="alert">Chỉ quản trị viên và biên tập viên được xem thống kê.</p>}
      {allowed ? (
        // the rollup tables are out of the navigation; whoever needs the raw rows finds them here
        <p className="stats-raw">
          Bảng số liệu gốc:{' '}
          {RAW_TABLES.map(([slug, label], i) => (
            <span key={slug}>
              {i ? ' · ' : ''}
              <a href={`${req.payload.config.routes.admin}/collections/${slug}`}>{label}</a>
            </span>
          ))}
        </p>
      ) : null}
    </AdminViewFrame>
  )
}
