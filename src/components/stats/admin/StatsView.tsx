/** The admin view "Thống kê truy cập" (/admin/thong-ke), inside the admin's own frame. */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../../../access/roles'
import { StatsDashboard } from './StatsDashboard'

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
      </Gutter>
    </DefaultTemplate>
  )
}
