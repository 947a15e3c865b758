import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/article/ArticleList'
import { getArticlesByAuthor } from '@/lib/articles'
import { LIST_PAGE_SIZE, type ListParams, loadList } from '@/lib/lists'
import { localePath } from '@/lib/locale'
import { getAuthorBySlug } from '@/lib/site'

type Props = { params: ListParams }

export function generateStaticParams() {
  return []
}

async function load(params: ListParams) {
  const data = await loadList(params, getAuthorBySlug, (locale, author, page) =>
    getArticlesByAuthor(locale, author.id, LIST_PAGE_SIZE, page),
  )
  return data && { ...data, author: data.owner }
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
