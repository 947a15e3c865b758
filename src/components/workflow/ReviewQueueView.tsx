/** The admin view "Chờ duyệt" (/admin/cho-duyet): articles handed over by reporters, oldest first. */
import Link from 'next/link'
import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../../access/roles'
import { AdminViewFrame } from '../admin/AdminViewFrame'
import { formatDateTime } from '../../lib/dates'
import { reviewQueue } from '../../workflow/queue'

export async function ReviewQueueView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const admin = req.payload.config.routes.admin
  const allowed = hasRole(req.user, 'admin', 'editor')
  const queue = allowed ? await reviewQueue(req.payload) : null
  return (
    <AdminViewFrame {...props} path="/cho-duyet">
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
    </AdminViewFrame>
  )
}
