'use client'

/** "Lượt xem: 1,234": the count the page was rendered with, then the one this visit's hit answered. */
import { useEffect, useState } from 'react'

import { formatCount, onLiveStats } from './live'

export function ArticleViews({ articleId, initial, locale }: { articleId: number; initial: number; locale: 'vi' | 'en' }) {
  const [views, setViews] = useState(initial)
  useEffect(
    () =>
      onLiveStats(({ article }) => {
        if (article?.id === articleId) setViews(article.views)
      }),
    [articleId],
  )
  return (
    <span className="article__views" data-article-views>
      {locale === 'vi' ? 'Lượt xem' : 'Views'}: {formatCount(views)}
    </span>
  )
}
