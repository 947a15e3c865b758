/** The review rules as plain functions: who may move an article where, and what it becomes. */
import { reviewRecipients } from '../../src/workflow/notify'
import { reviewFromNukeVietStatus } from '../../src/workflow/nukeviet'
import { decideReview, REVIEW_MESSAGES } from '../../src/workflow/review'

const now = new Date('2026-12-01T02:00:00Z')

describe('review transitions', () => {
  it('a reporter submits a draft: submitted, stamped now', () => {
    expect(decideReview({ actor: 'reporter', before: { reviewStatus: 'draft' }, requested: { reviewStatus: 'submitted' }, publishing: false, now })).toEqual({
      ok: true,
      reviewStatus: 'submitted',
      reviewNote: null,
      submittedAt: now.toISOString(),
    })
  })

  it('editing a submitted draft keeps it submitted and its place in the queue', () => {
    const before = { reviewStatus: 'submitted', submittedAt: '2026-11-30T01:00:00.000Z' }
    expect(decideReview({ actor: 'reporter', before, requested: {}, publishing: false, now })).toMatchObject({
      reviewStatus: 'submitted',
      submittedAt: '2026-11-30T01:00:00.000Z',
    })
  })

  it('a reporter withdraws a submitted draft: back to draft, out of the queue', () => {
    const before = { reviewStatus: 'submitted', submittedAt: '2026-11-30T01:00:00.000Z' }
    expect(decideReview({ actor: 'reporter', before, requested: { reviewStatus: 'draft' }, publishing: false, now })).toMatchObject({
      reviewStatus: 'draft',
      submittedAt: null,
    })
  })

  it('a reporter cannot return an article (403)', () => {
    expect(decideReview({ actor: 'reporter', before: { reviewStatus: 'submitted' }, requested: { reviewStatus: 'returned', reviewNote: 'x' }, publishing: false })).toEqual({
      ok: false,
      status: 403,
      field: 'reviewStatus',
      message: REVIEW_MESSAGES.onlyEditorsReturn,
    })
  })

  it.each([undefined, '', '   '])('an editor returning with the note %p is refused (400)', (reviewNote) => {
    expect(decideReview({ actor: 'editor', before: { reviewStatus: 'submitted' }, requested: { reviewStatus: 'returned', reviewNote }, publishing: false })).toMatchObject({
      ok: false,
      status: 400,
      message: REVIEW_MESSAGES.returnNeedsNote,
    })
  })

  it('a note saved a moment before the return counts (the admin autosaves while the editor types)', () => {
    const before = { reviewStatus: 'submitted', reviewNote: 'Thiếu nguồn' }
    expect(decideReview({ actor: 'editor', before, requested: { reviewStatus: 'returned', reviewNote: 'Thiếu nguồn' }, publishing: false })).toMatchObject({
      ok: true,
      reviewStatus: 'returned',
      reviewNote: 'Thiếu nguồn',
    })
  })

  it('an editor returns with a note: returned, the note kept, out of the queue', () => {
    const before = { reviewStatus: 'submitted', submittedAt: '2026-11-30T01:00:00.000Z' }
    expect(decideReview({ actor: 'editor', before, requested: { reviewStatus: 'returned', reviewNote: 'Thiếu nguồn' }, publishing: false })).toEqual({
      ok: true,
      reviewStatus: 'returned',
      reviewNote: 'Thiếu nguồn',
      submittedAt: null,
    })
  })

  it("resubmitting clears the editor's note unless the reporter writes their own", () => {
    const before = { reviewStatus: 'returned', reviewNote: 'Thiếu nguồn' }
    expect(decideReview({ actor: 'reporter', before, requested: { reviewStatus: 'submitted', reviewNote: 'Thiếu nguồn' }, publishing: false, now })).toMatchObject({
      reviewStatus: 'submitted',
      reviewNote: null,
    })
    expect(decideReview({ actor: 'reporter', before, requested: { reviewStatus: 'submitted', reviewNote: 'Đã thêm nguồn' }, publishing: false, now })).toMatchObject({
      reviewNote: 'Đã thêm nguồn',
    })
  })

  it('publishing ends the review whatever was asked', () => {
    const before = { reviewStatus: 'submitted', reviewNote: 'Ghi chú', submittedAt: '2026-11-30T01:00:00.000Z' }
    expect(decideReview({ actor: 'system', before, requested: { reviewStatus: 'submitted' }, publishing: true })).toEqual({
      ok: true,
      reviewStatus: 'draft',
      reviewNote: null,
      submittedAt: null,
    })
  })

  it.each<[string, unknown, unknown, string]>([
    ['status "published"', 'published', undefined, REVIEW_MESSAGES.status],
    ['status 3', 3, undefined, REVIEW_MESSAGES.status],
    ['note 42', undefined, 42, REVIEW_MESSAGES.noteType],
    ['note of 2001 characters', undefined, 'x'.repeat(2001), REVIEW_MESSAGES.noteLength],
  ])('a bad value (%s) is a 400', (_label, reviewStatus, reviewNote, message) => {
    expect(decideReview({ actor: 'editor', requested: { reviewStatus, reviewNote }, publishing: false })).toMatchObject({ ok: false, status: 400, message })
  })
})

describe('who is mailed', () => {
  it('every editor and admin with an address, once each, not the one who submitted', () => {
    const users = [
      { email: 'bt@x.vn', roles: ['editor' as const] },
      { email: 'qt@x.vn', roles: ['admin' as const] },
      { email: 'pv@x.vn', roles: ['reporter' as const] },
      { email: null, roles: ['editor' as const] },
      { email: 'bt@x.vn', roles: ['editor' as const] },
      { email: 'bt2@x.vn', roles: ['editor' as const, 'reporter' as const] },
    ]
    expect(reviewRecipients(users, 'bt2@x.vn')).toEqual(['bt@x.vn', 'qt@x.vn'])
  })
})

describe('NukeViet review states', () => {
  it.each<[number, string]>([
    [4, 'draft'],
    [5, 'submitted'],
    [6, 'returned'],
    [7, 'submitted'],
    [8, 'submitted'],
    [9, 'returned'],
    [10, 'submitted'],
    [1, 'draft'],
    [26, 'submitted'], // 5 inside a suspended category
  ])('status %i becomes %s', (status, reviewStatus) => {
    expect(reviewFromNukeVietStatus(status).reviewStatus).toBe(reviewStatus)
  })

  it('a refusal comes with a note, as a return must', () => {
    expect(reviewFromNukeVietStatus(6).reviewNote).toMatch(/từ chối duyệt/)
    expect(reviewFromNukeVietStatus(9).reviewNote).toMatch(/từ chối đăng/)
  })

  it('an unknown status is an error, not a guess', () => {
    expect(() => reviewFromNukeVietStatus(11)).toThrow(RangeError)
    expect(() => reviewFromNukeVietStatus(-1)).toThrow(RangeError)
  })
})
