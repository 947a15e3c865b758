import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList, LIST_PAGE_SIZE, listPage } from '@/components/article/ArticleList'
import { getArticlesInCategory } from '@/lib/articles'
import { localePath, toLocale } from '@/lib/locale'
import { getCategoryBySlug } from '@/lib/site'

type Props = { params: Promise<{ locale: string; key: string; trang?: string[] }> }

export function generateStaticParams() {
  return []
}

async function load(params: Props['params']) {
  const { locale: raw, key, trang } = await params
  const locale = toLocale(raw)
  const page = listPage(trang)
  const category = await getCategoryBySlug(locale, key)
  if (!category || page === null) return null
  const result = await getArticlesInCategory(locale, category.id, LIST_PAGE_SIZE, page)
  if (page > 1 && page > result.totalPages) return null
  return { locale, category, page, result }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params)
  if (!data) return {}
  const path = localePath(data.locale, `/chuyen-muc/${data.category.slug}`)
  return {
    title: data.page > 1 ? `${data.category.name} – trang ${data.page}` : data.category.name,
    alternates: { canonical: data.page > 1 ? `${path}?trang=${data.page}` : path, types: { 'application/rss+xml': `${path}/rss.xml` } },
  }
}

export default async function CategoryPage({ params }: Props) {
  const data = await load(params)
  if (!data) notFound()
  const { locale, category, result } = data
  return (
    <section aria-labelledby="tieu-de">
      <h1 id="tieu-de" className="section-title">
        {category.name}
      </h1>
      <ArticleList
        result={result}
        locale={locale}
        basePath={localePath(locale, `/chuyen-muc/${category.slug}`)}
        empty={locale === 'vi' ? 'Chuyên mục chưa có bài viết.' : 'No articles yet.'}
      />
    </section>
  )
}
