import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/article/ArticleList'
import { getArticlesInCategory } from '@/lib/articles'
import { LIST_PAGE_SIZE, type ListParams, loadList } from '@/lib/lists'
import { localePath } from '@/lib/locale'
import { getCategoryBySlug } from '@/lib/site'

type Props = { params: ListParams }

export function generateStaticParams() {
  return []
}

async function load(params: ListParams) {
  const data = await loadList(params, getCategoryBySlug, (locale, category, page) =>
    getArticlesInCategory(locale, category.id, LIST_PAGE_SIZE, page),
  )
  return data && { ...data, category: data.owner }
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
