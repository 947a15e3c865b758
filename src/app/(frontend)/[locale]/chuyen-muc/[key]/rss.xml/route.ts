import { getArticlesInCategory } from '@/lib/articles'
import { buildRss, FEED_SIZE, rssResponse } from '@/lib/feeds'
import { localePath, toLocale } from '@/lib/locale'
import { getCategoryBySlug, getSite } from '@/lib/site'

export const dynamic = 'force-static'

export function generateStaticParams() {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; key: string }> }) {
  const { locale: raw, key } = await params
  const locale = toLocale(raw)
  const category = await getCategoryBySlug(locale, key)
  if (!category) return new Response('Không tìm thấy chuyên mục.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const [site, latest] = await Promise.all([getSite(locale), getArticlesInCategory(locale, category.id, FEED_SIZE)])
  return rssResponse(
    buildRss({ site, articles: latest.docs, locale, title: `${category.name} – ${site.portalName}`, path: localePath(locale, `/chuyen-muc/${category.slug}`) }),
  )
}
