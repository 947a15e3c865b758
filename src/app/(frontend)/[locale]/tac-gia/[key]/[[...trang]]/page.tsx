import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList, LIST_PAGE_SIZE, listPage } from '@/components/article/ArticleList'
import { getArticlesByAuthor } from '@/lib/articles'
import { localePath, toLocale } from '@/lib/locale'
import { getAuthorBySlug } from '@/lib/site'

type Props = { params: Promise<{ locale: string; key: string; trang?: string[] }> }

export function generateStaticParams() {
  return []
}

async function load(params: Props['params']) {
  const { locale: raw, key, trang } = await params
  const locale = toLocale(raw)
  const page = listPage(trang)
  const author = await getAuthorBySlug(locale, key)
  if (!author || page === null) return null
  const result = await getArticlesByAuthor(locale, author.id, LIST_PAGE_SIZE, page)
  if (page > 1 && page > result.totalPages) return null
  return { locale, author, page, result }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params)
  if (!data) return {}
  return { title: data.author.name, description: data.author.bio ?? undefined, alternates: { canonical: localePath(data.locale, `/tac-gia/${data.author.slug}`) } }
}

export default async function AuthorPage({ params }: Props) {
  const data = await load(params)
  if (!data) notFound()
  const { locale, author, result } = data
  return (
    <section aria-labelledby="tieu-de">
      <h1 id="tieu-de" className="section-title">
        {locale === 'vi' ? 'Tác giả: ' : 'Author: '}
        {author.name}
      </h1>
      {author.bio ? <p className="author-bio">{author.bio}</p> : null}
      <ArticleList
        result={result}
        locale={locale}
        basePath={localePath(locale, `/tac-gia/${author.slug}`)}
        empty={locale === 'vi' ? 'Tác giả chưa có bài viết.' : 'No articles yet.'}
      />
    </section>
  )
}
