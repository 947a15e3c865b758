import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList, LIST_PAGE_SIZE, listPage } from '@/components/article/ArticleList'
import { getArticlesWithTag } from '@/lib/articles'
import { localePath, toLocale } from '@/lib/locale'

type Props = { params: Promise<{ locale: string; key: string; trang?: string[] }> }

export function generateStaticParams() {
  return []
}

async function load(params: Props['params']) {
  const { locale: raw, key, trang } = await params
  const locale = toLocale(raw)
  const page = listPage(trang)
  const tag = decodeURIComponent(key).trim()
  if (page === null || tag.length === 0 || tag.length > 100) return null
  const result = await getArticlesWithTag(locale, tag, LIST_PAGE_SIZE, page)
  if (result.totalDocs === 0 || page > result.totalPages) return null
  return { locale, tag, page, result }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params)
  if (!data) return {}
  return { title: `#${data.tag}`, alternates: { canonical: localePath(data.locale, `/the/${encodeURIComponent(data.tag)}`) } }
}

export default async function TagPage({ params }: Props) {
  const data = await load(params)
  if (!data) notFound()
  const { locale, tag, result } = data
  return (
    <section aria-labelledby="tieu-de">
      <h1 id="tieu-de" className="section-title">
        {locale === 'vi' ? 'Thẻ: ' : 'Tag: '}
        {tag}
      </h1>
      <ArticleList result={result} locale={locale} basePath={localePath(locale, `/the/${encodeURIComponent(tag)}`)} empty="" />
    </section>
  )
}
