/**
 * NukeViet's article statuses (`nv4_<lang>_news_rows.status`, see the NukeViet reference) as review
 * states, for the importer (issue 15). Its review chain has more steps than ours (review, then
 * publishing, each sent, being checked or refused); the newsroom only needs to know whether an
 * article waits for an editor or came back to its reporter.
 */
import type { ReviewStatus } from './review'

export type ImportedReview = { reviewStatus: ReviewStatus; reviewNote: string | null }

/** Statuses over this are a row in a suspended category, stored as its status + 21. */
const LOCKED_OFFSET = 21

const REVIEW_BY_STATUS: Record<number, ImportedReview> = {
  // suspended, published, scheduled, expired: out of review (publishing ends it)
  0: { reviewStatus: 'draft', reviewNote: null },
  1: { reviewStatus: 'draft', reviewNote: null },
  2: { reviewStatus: 'draft', reviewNote: null },
  3: { reviewStatus: 'draft', reviewNote: null },
  4: { reviewStatus: 'draft', reviewNote: null }, // Lưu nháp
  5: { reviewStatus: 'submitted', reviewNote: null }, // Chuyển duyệt bài
  // NukeViet keeps no reason; a return without a note would be refused, and the reporter should know why it came back
  6: { reviewStatus: 'returned', reviewNote: 'Bị từ chối duyệt trên hệ thống cũ (NukeViet).' }, // Từ chối duyệt bài
  7: { reviewStatus: 'submitted', reviewNote: null }, // Đang duyệt bài
  8: { reviewStatus: 'submitted', reviewNote: null }, // Chuyển đăng bài: ready, an editor publishes
  9: { reviewStatus: 'returned', reviewNote: 'Bị từ chối đăng trên hệ thống cũ (NukeViet).' }, // Từ chối đăng bài
  10: { reviewStatus: 'submitted', reviewNote: null }, // Đang kiểm tra để đăng
}

/** The review state an imported article starts with; a status NukeViet does not define is an error. */
export function reviewFromNukeVietStatus(status: number): ImportedReview {
  const own = status > 20 ? status - LOCKED_OFFSET : status
  const review = Number.isInteger(own) ? REVIEW_BY_STATUS[own] : undefined
  if (!review) throw new RangeError(`Trạng thái bài viết NukeViet không xác định: ${status}`)
  return { ...review }
}
