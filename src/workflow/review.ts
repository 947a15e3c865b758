/**
 * The newsroom's hand-over ("Gửi duyệt"): a reporter submits a draft, an editor returns it with a
 * note or publishes it. This file decides what a save may do to an article's review state; the
 * hooks in src/collections/Articles only feed it and apply its answer.
 *
 * Choices:
 * - A reporter may keep editing a submitted draft (it stays submitted, so the editor reads the
 *   latest text) or withdraw it (`draft`); only an editor returns (`returned`).
 * - Returning needs a note (not empty). It may have been saved a moment before the status, as the
 *   admin's autosave does while the editor types.
 * - Resubmitting a returned draft clears the editor's note unless the reporter writes one of
 *   their own (the note is always the latest hand-over's; versions keep the earlier ones).
 * - `submittedAt` is set exactly while the article is submitted: the queue's "Gửi lúc".
 * - Publishing, whoever or whatever publishes (an editor, the schedule job), ends the review:
 *   back to `draft`, no note, no submittedAt.
 */

export const REVIEW_STATUSES = ['draft', 'submitted', 'returned'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const REVIEW_LABELS: Record<ReviewStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang viết', en: 'Writing' },
  submitted: { vi: 'Chờ duyệt', en: 'Submitted' },
  returned: { vi: 'Trả lại', en: 'Returned' },
}

export const REVIEW_NOTE_MAX_LENGTH = 2000

export const REVIEW_MESSAGES = {
  status: 'Trạng thái duyệt chỉ có thể là "draft" (Đang viết), "submitted" (Chờ duyệt) hoặc "returned" (Trả lại).',
  noteType: 'Ghi chú duyệt phải là văn bản.',
  noteLength: `Ghi chú duyệt không được dài quá ${REVIEW_NOTE_MAX_LENGTH} ký tự.`,
  returnNeedsNote: 'Trả lại bài cần có ghi chú cho phóng viên biết phải sửa gì.',
  onlyEditorsReturn: 'Chỉ biên tập viên được trả lại bài.',
} as const

/** Who is saving: an editor or admin, a reporter, or the system (jobs, imports, scripts). */
export type ReviewActor = 'editor' | 'reporter' | 'system'

export type ReviewState = {
  reviewStatus?: string | null
  reviewNote?: string | null
  submittedAt?: string | null
}

export type ReviewChange = {
  actor: ReviewActor
  /** The article as it was (its latest version); nothing for a new article. */
  before?: ReviewState | null
  /** What the save asks for; a field left out keeps its value. */
  requested: { reviewStatus?: unknown; reviewNote?: unknown }
  /** The save publishes the article. */
  publishing: boolean
  now?: Date
}

export type ReviewRefusal = { ok: false; status: 400 | 403; field: 'reviewStatus' | 'reviewNote'; message: string }
export type ReviewOutcome =
  | { ok: true; reviewStatus: ReviewStatus; reviewNote: string | null; submittedAt: string | null }
  | ReviewRefusal

export const isReviewStatus = (value: unknown): value is ReviewStatus =>
  typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value)

const refuse = (status: 400 | 403, field: ReviewRefusal['field'], message: string): ReviewRefusal => ({
  ok: false,
  status,
  field,
  message,
})

const blankToNull = (note: string | null | undefined): string | null => (note && note.trim() ? note : null)

/** What the article's review state becomes after a save, or why the save is refused. */
export function decideReview({ actor, before, requested, publishing, now = new Date() }: ReviewChange): ReviewOutcome {
  const from: ReviewStatus = isReviewStatus(before?.reviewStatus) ? before.reviewStatus : 'draft'
  const oldNote = blankToNull(before?.reviewNote)

  const askedStatus = requested.reviewStatus
  if (askedStatus !== undefined && askedStatus !== null && !isReviewStatus(askedStatus)) {
    return refuse(400, 'reviewStatus', REVIEW_MESSAGES.status)
  }
  const askedNote = requested.reviewNote
  if (askedNote !== undefined && askedNote !== null && typeof askedNote !== 'string') {
    return refuse(400, 'reviewNote', REVIEW_MESSAGES.noteType)
  }
  if (typeof askedNote === 'string' && askedNote.length > REVIEW_NOTE_MAX_LENGTH) {
    return refuse(400, 'reviewNote', REVIEW_MESSAGES.noteLength)
  }

  if (publishing) return { ok: true, reviewStatus: 'draft', reviewNote: null, submittedAt: null }

  const to: ReviewStatus = isReviewStatus(askedStatus) ? askedStatus : from
  const noteGiven = askedNote !== undefined
  let note = noteGiven ? blankToNull(askedNote as string | null) : oldNote

  if (to === 'returned' && from !== 'returned') {
    if (actor === 'reporter') return refuse(403, 'reviewStatus', REVIEW_MESSAGES.onlyEditorsReturn)
    if (!note) return refuse(400, 'reviewNote', REVIEW_MESSAGES.returnNeedsNote)
  }
  if (to === 'submitted' && from === 'returned' && note === oldNote) note = null

  const submittedAt = to !== 'submitted' ? null : from === 'submitted' && before?.submittedAt ? before.submittedAt : now.toISOString()
  return { ok: true, reviewStatus: to, reviewNote: note, submittedAt }
}

/** Whether a save moved the article into the queue: the moment editors are told. */
export const becameSubmitted = (before: ReviewState | null | undefined, after: ReviewState): boolean =>
  after.reviewStatus === 'submitted' && before?.reviewStatus !== 'submitted'
