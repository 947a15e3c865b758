import Link from 'next/link'

import type { Article } from '../../payload-types'
import { Dateline } from './Dateline'
import { ResponsiveImage } from './ResponsiveImage'

export function ArticleCard({ article }: { article: Article }) {
  const image = typeof article.heroImage === 'object' ? article.heroImage : null
  const category = typeof article.primaryCategory === 'object' ? article.primaryCategory : null
  return (
    <article className="article-card">
      {image ? (
        <Link href={`/bai-viet/${article.slug}`} tabIndex={-1} aria-hidden="true" className="article-card__image">
          <ResponsiveImage image={image} size="card" sizes="(max-width: 700px) 100vw, 320px" />
        </Link>
      ) : null}
      <div className="article-card__text">
        {category ? <p className="article-card__category">{category.name}</p> : null}
        <h2>
          <Link href={`/bai-viet/${article.slug}`}>{article.title}</Link>
        </h2>
        <Dateline date={article.publishedAt} />
        {article.lead ? <p className="article-card__lead">{article.lead}</p> : null}
      </div>
    </article>
  )
}
