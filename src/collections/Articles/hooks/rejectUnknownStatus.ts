import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

const STATUSES = ['draft', 'published']

/** Payload stores any _status it is given; an article is only ever a draft or published. */
export const rejectUnknownStatus: CollectionBeforeValidateHook = ({ data, req, collection }) => {
  const status = data?._status
  if (status !== undefined && status !== null && !STATUSES.includes(status)) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: '_status', message: 'Trạng thái chỉ có thể là "draft" (nháp) hoặc "published" (đã đăng).' }],
      req,
    })
  }
  return data
}
