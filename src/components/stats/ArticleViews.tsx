/**
 * "Lượt xem: 1,234": the count the page was rendered with; public/portal.js writes in the one
 * this visit's hit is answered with.
 */
import { formatCount } from './live'

export function ArticleViews({ articleId, initial, locale }: { articleId: number; initial: number; locale: 'vi' | 'en' }) {
  return (
    <span className="article__views" data-article-views={articleId}>
      {locale === 'vi' ? 'Lượt xem' : 'Views'}:{' '}
      <span data-views suppressHydrationWarning>
        {formatCount(initial)}
      </span>
    </span>
  )
}
