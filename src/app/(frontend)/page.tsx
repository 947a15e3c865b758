import { ArticleCard } from '../../components/article/ArticleCard'
import { getLatestArticles } from '../../lib/articles'

// Rendered per request until the portal issue adds tag-revalidated caching.
export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const articles = await getLatestArticles(20)
  return (
    <section aria-labelledby="tin-moi">
      <h1 id="tin-moi" className="section-title">
        Tin mới nhất
      </h1>
      {articles.length === 0 ? (
        <p>Chưa có bài viết nào được đăng.</p>
      ) : (
        <div className="article-list">
          {articles.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
        </div>
      )}
    </section>
  )
}
