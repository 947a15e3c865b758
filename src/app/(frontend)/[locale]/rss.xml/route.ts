import { getLatestArticles } from '@/lib/articles'
import { buildRss, FEED_SIZE, rssResponse } from '@/lib/feeds'
import { localePath, toLocale } from '@/lib/locale'
import { getSite } from '@/lib/site'

export const dynamic = 'force-static'

export function generateStaticParams() {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const raw = (await params).locale
  const locale = toLocale(raw)
  const [site, latest] = await Promise.all([getSite(locale), getLatestArticles(locale, FEED_SIZE)])
  return rssResponse(buildRss({ site, articles: latest.docs, locale, title: site.portalName, path: localePath(locale, '/') }))
}
