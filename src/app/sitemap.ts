import type { MetadataRoute } from 'next'

import { getLatestArticles } from '../lib/articles'
import { localePath } from '../lib/locale'
import { getCategories } from '../lib/site'
import { absoluteUrl } from '../lib/siteUrl'

// Rendered on request from cached reads (tagged, revalidated on publish): no database at build.
export const dynamic = 'force-dynamic'

const SITEMAP_LIMIT = 5000

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [vi, en, categories] = await Promise.all([
    getLatestArticles('vi', SITEMAP_LIMIT),
    getLatestArticles('en', SITEMAP_LIMIT),
    getCategories('vi'),
  ])
  const english = new Set(en.docs.map((doc) => doc.slug))
  return [
    { url: absoluteUrl('/'), changeFrequency: 'hourly', priority: 1 },
    ...categories.map((category) => ({ url: absoluteUrl(`/chuyen-muc/${category.slug}`), changeFrequency: 'hourly' as const })),
    ...vi.docs.map((article) => ({
      url: absoluteUrl(localePath('vi', `/bai-viet/${article.slug}`)),
      lastModified: article.publishedAt ?? undefined,
      ...(english.has(article.slug)
        ? { alternates: { languages: { vi: absoluteUrl(`/bai-viet/${article.slug}`), en: absoluteUrl(localePath('en', `/bai-viet/${article.slug}`)) } } }
        : {}),
    })),
  ]
}
