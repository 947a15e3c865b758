import Link from 'next/link'
import type { ReactNode } from 'react'

import { type Locale, localePath } from '../../lib/locale'
import type { Article } from '../../payload-types'
import { Dateline } from './Dateline'
import { ResponsiveImage } from './ResponsiveImage'

type Props = { article: Article; locale?: Locale; title?: ReactNode; lead?: ReactNode }

export function ArticleCard({ article, locale = 'vi', title, lead }: Props) {
  const href = localePath(locale, `/bai-viet/${article.slug}`)
  const shownLead = lead === undefined ? article.lead : lead
  const image = typeof article.heroImage === 'object' ? article.heroImage : null
  const category = typeof article.primaryCategory === 'object' ? article.primaryCategory : null
  return (
    <article className="article-card">
      {image ? (
        <Link href={href} tabIndex={-1} aria-hidden="true" className="article-card__image">
          <ResponsiveImage image={image} size="card" sizes="(max-width: 700px) 100vw, 320px" />
        </Link>
      ) : null}
      <div className="article-card__text">
        {category ? <p className="article-card__category">{category.name}</p> : null}
        <h2>
          <Link href={href}>{title ?? article.title}</Link>
        </h2>
        <Dateline date={article.publishedAt} />
        {shownLead ? <p className="article-card__lead">{shownLead}</p> : null}
      </div>
    </article>
  )
}
