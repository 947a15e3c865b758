/** The admin view "Thống kê truy cập" (/admin/thong-ke), inside the admin's own frame. */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../../../access/roles'
import { StatsDashboard } from './StatsDashboard'

const RAW_TABLES = [
  ['stats-totals', 'Tổng theo thời gian'],
  ['stats-pages', 'Thống kê trang'],
  ['stats-breakdowns', 'Phân loại truy cập'],
] as const

export function StatsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  if (!req.user) redirect(`${req.payload.config.routes.admin}/login?redirect=${encodeURIComponent(`${req.payload.config.routes.admin}/thong-ke`)}`)
  const allowed = hasRole(req.user, 'admin', 'editor')
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
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
      </Gutter>
    </DefaultTemplate>
  )
}
