import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleBody } from '../../../../components/article/ArticleBody'
import { Dateline } from '../../../../components/article/Dateline'
import { Figure } from '../../../../components/article/Figure'
import { RatingWidget } from '../../../../components/rating/RatingWidget'
import { getArticleBySlug } from '../../../../lib/articles'
import { isOutcome } from '../../../../ratings/messages'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<{ 'danh-gia'?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug)
  if (!article) return { title: 'Không tìm thấy trang' }
  return { title: article.title, description: article.lead ?? undefined }
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const article = await getArticleBySlug((await params).slug)
  const outcome = (await searchParams)['danh-gia']
  if (!article) notFound()
  const category = typeof article.primaryCategory === 'object' ? article.primaryCategory : null
  return (
    <article className="article">
      {category ? <p className="article__category">{category.name}</p> : null}
      <h1 className="article__title">{article.title}</h1>
      <Dateline date={article.publishedAt} />
      {article.lead ? <p className="article__lead">{article.lead}</p> : null}
      <Figure image={article.heroImage} caption={article.heroCaption} priority />
      <ArticleBody data={article.body} />
      {article.byline ? (
        <p className="article__byline">
          Tác giả: <strong>{article.byline}</strong>
        </p>
      ) : null}
      {article.allowRating !== false ? (
        <RatingWidget
          articleId={article.id}
          initial={{ total: article.ratingTotal ?? 0, count: article.ratingCount ?? 0 }}
          outcome={isOutcome(outcome) ? outcome : null}
        />
      ) : null}
    </article>
  )
}
