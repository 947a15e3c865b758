import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/article/ArticleList'
import { getArticlesWithTag } from '@/lib/articles'
import { LIST_PAGE_SIZE, type ListParams, loadList } from '@/lib/lists'
import { localePath } from '@/lib/locale'

type Props = { params: ListParams }

export function generateStaticParams() {
  return []
}

/** A tag is any text up to 100 characters that some published article carries. */
async function tagFromKey(_locale: unknown, key: string): Promise<string | null> {
  const tag = decodeURIComponent(key).trim()
  return tag.length > 0 && tag.length <= 100 ? tag : null
}

async function load(params: ListParams) {
  const data = await loadList(params, tagFromKey, (locale, tag, page) => getArticlesWithTag(locale, tag, LIST_PAGE_SIZE, page), {
    emptyIsMissing: true,
  })
  return data && { ...data, tag: data.owner }
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
