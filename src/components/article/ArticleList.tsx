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

/** [[...trang]] as a page number: none → 1, ['trang', 'N'] → N, anything else → null (404). */
export function listPage(segments: string[] | undefined): number | null {
  if (!segments || segments.length === 0) return 1
  if (segments.length === 2 && segments[0] === 'trang' && /^[1-9][0-9]{0,4}$/.test(segments[1])) return Number(segments[1])
  return null
}

export const LIST_PAGE_SIZE = 10
