import type { ArticlePage } from '../../lib/articles'
import { Pagination } from '../layout/Pagination'
import { ArticleCard } from './ArticleCard'

type Props = { result: ArticlePage; basePath: string; empty: string; locale: 'vi' | 'en' }

export function ArticleList({ result, basePath, empty, locale }: Props) {
  if (result.docs.length === 0) return <p>{empty}</p>
  return (
    <>
      <div className="article-list">
        {result.docs.map((article) => (
          <ArticleCard key={article.id} article={article} locale={locale} />
        ))}
      </div>
      <Pagination basePath={basePath} page={result.page} totalPages={result.totalPages} />
    </>
  )
}
