/** The admin view "Chờ duyệt" (/admin/cho-duyet): articles handed over by reporters, oldest first. */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../../access/roles'
import { formatDateTime } from '../../lib/dates'
import { reviewQueue } from '../../workflow/queue'

export async function ReviewQueueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const admin = req.payload.config.routes.admin
  if (!req.user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/cho-duyet`)}`)
  const allowed = hasRole(req.user, 'admin', 'editor')
  const queue = allowed ? await reviewQueue(req.payload) : null
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
        <h1>Chờ duyệt</h1>
        {!queue ? (
          <p role="alert">Chỉ biên tập viên và quản trị viên xem được danh sách chờ duyệt.</p>
        ) : queue.docs.length === 0 ? (
          <p>Không có bài nào chờ duyệt.</p>
        ) : (
          <div className="table review-queue">
            <table cellPadding={0} cellSpacing={0}>
              <thead>
                <tr>
                  <th>Tiêu đề</th>
                  <th>Người tạo</th>
                  <th>Gửi lúc</th>
                  <th>Ghi chú</th>
                </tr>
              </thead>
              <tbody>
                {queue.docs.map((doc) => (
                  <tr key={doc.id} className="review-queue__row">
                    <td>
                      <Link href={`${admin}/collections/articles/${doc.id}`}>{doc.title || '(chưa có tiêu đề)'}</Link>
                    </td>
                    <td>{typeof doc.createdBy === 'object' && doc.createdBy ? doc.createdBy.name || doc.createdBy.email : ''}</td>
                    <td>{doc.submittedAt ? formatDateTime(doc.submittedAt) : ''}</td>
                    <td>{doc.reviewNote ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {queue && queue.totalDocs > queue.docs.length ? (
          <p>Còn {queue.totalDocs - queue.docs.length} bài nữa: xem trong danh sách bài viết.</p>
        ) : null}
        {queue ? (
          <p>
            <Link
              href={`${admin}/collections/articles?${new URLSearchParams({ 'where[reviewStatus][equals]': 'submitted', sort: 'submittedAt' })}`}
            >
              Mở trong danh sách bài viết (lọc, thao tác hàng loạt)
            </Link>
          </p>
        ) : null}
      </Gutter>
    </DefaultTemplate>
  )
}
