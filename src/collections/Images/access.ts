/**
 * Who changes an image. Editors and admins change and delete any. A reporter changes only what
 * they uploaded, and only while readers see it nowhere (usage.ts): otherwise replacing the file of
 * a published article's hero image, the emblem or a banner would change the portal unreviewed,
 * and deleting the old file break it.
 */
import type { Access, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionBeforeOperationHook, FieldAccess } from 'payload'

import { hasRole } from '../../access/roles'
import { RequestRefused } from '../../limits/refused'
import { imageInUse } from './usage'

export const IMAGE_ACCESS_MESSAGES = {
  inUse: 'Ảnh đang được dùng trên cổng (bài đã xuất bản, tác giả hoặc cấu hình trang): chỉ biên tập viên được thay hoặc xóa ảnh này.',
} as const

const isReporterOnly = (user: Parameters<typeof hasRole>[0]) => hasRole(user, 'reporter') && !hasRole(user, 'admin', 'editor')

/**
 * Reporters: their own uploads, one at a time. Asked without a document (the admin's permission
 * map, or a bulk edit), the answer is no, as for articles: the per-document checks pass an id.
 */
export const updateImage: Access = ({ req: { user }, id }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (!user || !isReporterOnly(user) || id === undefined) return false
  return { uploadedBy: { equals: user.id } }
}

/** Reporters: their own uploads; whether readers see one is checked image by image before it goes. */
export const deleteImage: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (!user || !isReporterOnly(user)) return false
  return { uploadedBy: { equals: user.id } }
}

/**
 * Before anything else of an update by id (Payload deletes the replaced file before the
 * document's own hooks run): a reporter's change to an image in use is refused, with the reason.
 */
export const refuseChangingUsedImage: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const id = (args as { id?: number | string }).id
  if (operation !== 'update' || !isReporterOnly(req.user) || id === undefined) return args
  // Someone else's image is refused by the access check, which says nothing of where it is used
  // (and costs no scan of the published articles).
  const own = await req.payload.db.findOne({ collection: 'images', req, where: { and: [{ id: { equals: id } }, { uploadedBy: { equals: req.user!.id } }] } })
  if (own && (await imageInUse(req.payload, id, req))) throw new RequestRefused(IMAGE_ACCESS_MESSAGES.inUse, 403)
  return args
}

/** Per image of a delete (by id or in bulk), before its files are removed. */
export const refuseDeletingUsedImage: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (isReporterOnly(req.user) && (await imageInUse(req.payload, id, req))) throw new RequestRefused(IMAGE_ACCESS_MESSAGES.inUse, 403)
}

/** Records the uploader (reporters' rights follow it); the request cannot name someone else. */
export const stampUploader: CollectionBeforeChangeHook = ({ data, operation, req, originalDoc }) => {
  if (operation === 'create') data.uploadedBy = req.user?.collection === 'users' ? req.user.id : null
  if (operation === 'update' && originalDoc) {
    const previous = originalDoc.uploadedBy
    data.uploadedBy = previous && typeof previous === 'object' ? previous.id : (previous ?? null)
  }
  return data
}

export const systemOnly: FieldAccess = () => false
