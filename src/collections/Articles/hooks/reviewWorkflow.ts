import {
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeValidateHook,
  ValidationError,
} from 'payload'

import { hasRole } from '../../../access/roles'
import { RequestRefused } from '../../../limits/refused'
import { notifyEditors } from '../../../workflow/notify'
import { becameSubmitted, decideReview, type ReviewActor } from '../../../workflow/review'

const actorOf = (user: Parameters<typeof hasRole>[0]): ReviewActor =>
  hasRole(user, 'admin', 'editor') ? 'editor' : hasRole(user, 'reporter') ? 'reporter' : 'system'

/** Applies src/workflow/review.ts to a save: its refusals are the request's 400/403, nothing saved. */
export const applyReview: CollectionBeforeValidateHook = ({ data, originalDoc, operation, req, collection }) => {
  if (!data) return data
  const outcome = decideReview({
    actor: actorOf(req.user),
    before: operation === 'update' ? originalDoc : null,
    requested: { reviewStatus: data.reviewStatus, reviewNote: data.reviewNote },
    publishing: data._status === 'published',
  })
  if (!outcome.ok) {
    if (outcome.status === 403) throw new RequestRefused(outcome.message, 403)
    const label = outcome.field === 'reviewStatus' ? { vi: 'Trạng thái duyệt', en: 'Review status' } : { vi: 'Ghi chú duyệt', en: 'Review note' }
    // with req.t, the error's own message is in the caller's language too ("Trường sau không hợp lệ: ...")
    throw new ValidationError({ collection: collection.slug, errors: [{ path: outcome.field, label, message: outcome.message }], req }, req.t)
  }
  data.reviewStatus = outcome.reviewStatus
  data.reviewNote = outcome.reviewNote
  data.submittedAt = outcome.submittedAt
  return data
}

/** Stamps who saved this version, and the first time the article went live. */
export const stampSave: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  // a job or script saving has no user: the version must not claim the last person's name
  data.updatedBy = req.user?.collection === 'users' ? req.user.id : null
  if (data._status === 'published') data.firstPublishedAt = originalDoc?.firstPublishedAt ?? new Date().toISOString()
  else if (originalDoc?.firstPublishedAt) data.firstPublishedAt = originalDoc.firstPublishedAt
  return data
}

/** Tells the editors when an article enters the queue; never waits for, nor fails on, the mail. */
export const notifyOnSubmit: CollectionAfterChangeHook = ({ doc, previousDoc, operation, req }) => {
  if (becameSubmitted(operation === 'create' ? null : previousDoc, doc)) {
    void notifyEditors(req.payload, doc, req.user?.collection === 'users' ? req.user : null)
  }
  return doc
}
