import fs from 'node:fs'
import path from 'node:path'

import type { Endpoint } from 'payload'

import { publishedAndLive } from '../../../access/publishedAndLive'
import { routeId } from '../../../limits/values'
import { isLocale, localePath } from '../../../lib/locale'
import { mediaDir } from '../../../lib/paths'
import { renderSavedArticle } from '../../../lib/savedArticle'
import { absoluteUrl } from '../../../lib/siteUrl'

/** GET /api/articles/:id/luu?locale=vi: the published article as a downloadable HTML file. */
export const saveArticleEndpoint: Endpoint = {
  path: '/:id/luu',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    const localeParam = req.searchParams.get('locale') ?? 'vi'
    const notFound = () => Response.json({ errors: [{ message: 'Không tìm thấy bài viết.' }] }, { status: 404 })
    if (id === null) return notFound()
    if (!isLocale(localeParam)) {
      return Response.json({ errors: [{ message: 'Ngôn ngữ không hợp lệ: chỉ "vi" hoặc "en".' }] }, { status: 400 })
    }
    const { docs } = await req.payload.find({
      collection: 'articles',
      where: { and: [{ id: { equals: id } }, publishedAndLive()] },
      locale: localeParam,
      fallbackLocale: false,
      depth: 2,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const article = docs[0]
    if (!article || !article.title) return notFound()
    const dir = mediaDir()
    const html = renderSavedArticle(article, {
      locale: localeParam,
      url: absoluteUrl(localePath(localeParam, `/bai-viet/${article.slug}`)),
      readImage: (filename) => {
        const file = path.join(dir, path.basename(filename))
        return fs.existsSync(file) ? fs.readFileSync(file) : null
      },
    })
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-disposition': `attachment; filename="${article.slug}.html"`,
        'cache-control': 'public, max-age=60',
      },
    })
  },
}
