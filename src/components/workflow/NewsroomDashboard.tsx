/**
 * The admin's first screen (Payload's `beforeDashboard`, above the collection cards): what the
 * newsroom needs each morning. Editors and admins: today's figures, the "Chờ duyệt" queue, the
 * scheduled publishes and unpublishes, what went live last. Reporters: their own unfinished
 * articles (with the editor's note when returned) and what went live last; the figures and the
 * queue are not theirs.
 */
import Link from 'next/link'
import type { Payload, TypedUser } from 'payload'

import { hasRole } from '../../access/roles'
import { formatDateline, formatDateTime } from '../../lib/dates'
import { type TodaySummary, todaySummary } from '../../stats/summary'
import { ownUnpublished, queueBlock, recentlyPublished, scheduledBlock } from '../../workflow/dashboard'
import { REVIEW_LABELS } from '../../workflow/review'
import { compareWith } from '../stats/compare'
import { formatCount } from '../stats/live'

const ACTION_LABELS = { publish: 'Đăng bài', unpublish: 'Gỡ bài' } as const
const untitled = '(chưa có tiêu đề)'

function Figures({ summary, admin }: { summary: TodaySummary; admin: string }) {
  const t = summary.today.totals
  const y = summary.yesterday.totals
  const cards: [string, string, number, string | null][] = [
    ['online', 'Đang truy cập', summary.counters.online, 'Khách trong 5 phút qua'],
    ['visits', 'Lượt truy cập hôm nay', t.visits, compareWith(t.visits, y.visits, 'hôm qua')],
    ['pageViews', 'Lượt xem trang hôm nay', t.pageViews, compareWith(t.pageViews, y.pageViews, 'hôm qua')],
    ['visitors', 'Khách hôm nay', t.visitors, compareWith(t.visitors, y.visitors, 'hôm qua')],
    ['month', 'Lượt truy cập tháng này', summary.counters.month, null],
    ['total', 'Tổng lượt truy cập', summary.counters.total, null],
  ]
  return (
    <section className="newsroom-block" aria-labelledby="newsroom-today">
      <h2 id="newsroom-today">Hôm nay</h2>
      <div className="stats-summary">
        {cards.map(([key, label, value, note]) => (
          <div key={key} className="stats-card" data-figure={key}>
            <div className="stats-card__label">{label}</div>
            <div className="stats-card__value">{formatCount(value)}</div>
            {note ? <div className="stats-card__change">{note}</div> : null}
          </div>
        ))}
      </div>
      <p>
        <Link href={`${admin}/thong-ke`}>Xem thống kê truy cập chi tiết</Link>
      </p>
    </section>
  )
}

export async function NewsroomDashboard({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  if (!user) return null
  const admin = payload.config.routes.admin
  const editor = hasRole(user as Parameters<typeof hasRole>[0], 'admin', 'editor')
  const edit = (id: number) => `${admin}/collections/articles/${id}`
  const [summary, queue, scheduled, recent, own] = await Promise.all([
    // the figures must not take the first screen down with them (MongoDB has no statistics path)
    editor ? todaySummary(payload).catch(() => null) : null,
    editor ? queueBlock(payload) : null,
    editor ? scheduledBlock(payload) : null,
    recentlyPublished(payload),
    editor ? null : ownUnpublished(payload, Number(user.id)),
  ])

  return (
    <div className="newsroom-dashboard">
      <h1 className="newsroom-dashboard__title">Bàn làm việc tòa soạn</h1>
      {editor ? (
        summary ? (
          <Figures summary={summary} admin={admin} />
        ) : (
          <p role="alert">Chưa đọc được số liệu truy cập hôm nay.</p>
        )
      ) : null}

      <div className="newsroom-grid">
        {queue ? (
          <section className="newsroom-block" aria-labelledby="newsroom-queue">
            <h2 id="newsroom-queue">Chờ duyệt ({queue.totalDocs})</h2>
            {queue.docs.length === 0 ? (
              <p>Không có bài nào chờ duyệt.</p>
            ) : (
              <ul className="newsroom-list">
                {queue.docs.map((doc) => (
                  <li key={doc.id}>
                    <Link href={edit(doc.id)}>{doc.title || untitled}</Link>
                    <span className="newsroom-list__meta">
                      {typeof doc.createdBy === 'object' && doc.createdBy ? `${doc.createdBy.name || doc.createdBy.email} · ` : ''}
                      gửi lúc {doc.submittedAt ? formatDateTime(doc.submittedAt) : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link href={`${admin}/cho-duyet`}>Mở danh sách chờ duyệt</Link>
            </p>
          </section>
        ) : null}

        {scheduled ? (
          <section className="newsroom-block" aria-labelledby="newsroom-scheduled">
            <h2 id="newsroom-scheduled">Hẹn giờ ({scheduled.totalDocs})</h2>
            {scheduled.docs.length === 0 ? (
              <p>Không có bài nào được hẹn giờ.</p>
            ) : (
              <ul className="newsroom-list">
                {scheduled.docs.map((change) => (
                  <li key={change.id}>
                    <span className="newsroom-list__when">{formatDateTime(change.at)}</span>{' '}
                    <strong>{ACTION_LABELS[change.action]}</strong>{' '}
                    <Link href={edit(change.articleId)}>{change.title || untitled}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}

        {own ? (
          <section className="newsroom-block" aria-labelledby="newsroom-own">
            <h2 id="newsroom-own">Bài của tôi chưa đăng</h2>
            {own.length === 0 ? (
              <p>Bạn không có bài nào đang viết.</p>
            ) : (
              <ul className="newsroom-list">
                {own.map((doc) => (
                  <li key={doc.id}>
                    <Link href={edit(doc.id)}>{doc.title || untitled}</Link>
                    <span className="newsroom-list__meta">
                      {doc.reviewStatus ? REVIEW_LABELS[doc.reviewStatus].vi : REVIEW_LABELS.draft.vi}
                      {doc.reviewStatus === 'returned' && doc.reviewNote ? ` – ${doc.reviewNote}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}

        <section className="newsroom-block" aria-labelledby="newsroom-recent">
          <h2 id="newsroom-recent">Mới đăng</h2>
          {recent.length === 0 ? (
            <p>Chưa có bài nào được đăng.</p>
          ) : (
            <ul className="newsroom-list">
              {recent.map((doc) => (
                <li key={doc.id}>
                  <Link href={edit(doc.id)}>{doc.title}</Link>
                  <span className="newsroom-list__meta">{doc.publishedAt ? formatDateline(doc.publishedAt) : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}
