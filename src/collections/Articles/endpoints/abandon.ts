/**
 * POST /api/articles/:id/abandon: removes an article nobody has written in. Payload's admin
 * creates the article as soon as "Tạo mới" is clicked (autosave needs a document to save to); the
 * edit page calls this when it is left without any input, so abandoned clicks leave no
 * "‹Không có Tiêu đề›" drafts behind. Anything typed and saved, even once, makes it stay.
 */
import type { Endpoint } from 'payload'

import { hasRole } from '../../../access/roles'
import { routeId } from '../../../limits/values'
import { answer } from '../../../lib/answer'

const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0)

/** Blank in every locale: `{ vi: '', en: null }` or a plain value. */
const blankEverywhere = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.values(value).every(isBlank)
    : isBlank(value)

export const abandonArticleEndpoint: Endpoint = {
  path: '/:id/abandon',
  method: 'post',
  handler: async (req) => {
    const { user, payload } = req
    if (!user || !hasRole(user, 'admin', 'editor', 'reporter')) return answer(401, 'Bạn cần đăng nhập.')
    const id = routeId(req)
    if (id === null) return answer(404, 'Không tìm thấy bài viết.')
    const { docs } = await payload.find({
      collection: 'articles',
      where: { id: { equals: id } },
      locale: 'all',
      depth: 0,
      limit: 1,
      pagination: false,
      draft: true,
      overrideAccess: true,
      req,
    })
    const article = docs[0]
    if (!article) return answer(404, 'Không tìm thấy bài viết.')
    const creator = typeof article.createdBy === 'object' ? article.createdBy?.id : article.createdBy
    if (creator !== user.id && !hasRole(user, 'admin', 'editor')) return answer(403, 'Đây không phải bài của bạn.')
    const { totalDocs: versions } = await payload.countVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      overrideAccess: true,
      req,
    })
    // One version is the one Payload made on "Tạo mới": nothing was saved into it since.
    const untouched =
      article._status !== 'published' &&
      versions <= 1 &&
      (['title', 'lead', 'body', 'byline', 'heroImage', 'tags'] as const).every((field) => blankEverywhere(article[field]))
    if (!untouched) return answer(409, 'Bài viết đã có nội dung nên được giữ lại.')
    await payload.delete({ collection: 'articles', id, overrideAccess: true, req })
    return answer(200, 'Đã bỏ bài viết trống.')
  },
}
