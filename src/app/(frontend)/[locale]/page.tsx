import type { Metadata } from 'next'
import Link from 'next/link'

import { ArticleCard } from '@/components/article/ArticleCard'
import { Dateline } from '@/components/article/Dateline'
import { ResponsiveImage } from '@/components/article/ResponsiveImage'
import { getArticlesInCategory, getLatestArticles } from '@/lib/articles'
import { localePath, toLocale } from '@/lib/locale'
import { getCategories } from '@/lib/site'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = (await params).locale
  return { alternates: { canonical: localePath(toLocale(locale), '/'), languages: { vi: '/', en: '/en' } } }
}

const UI = {
  vi: { latest: 'Tin mới nhất', none: 'Chưa có bài viết nào được đăng.', more: 'Xem thêm' },
  en: { latest: 'Latest news', none: 'No articles in English yet.', more: 'More' },
} as const

export default async function HomePage({ params }: Props) {
  const raw = (await params).locale
  const locale = toLocale(raw)
  const ui = UI[locale]
  const [latest, categories] = await Promise.all([getLatestArticles(locale, 9), getCategories(locale)])
  const [featured, ...rest] = latest.docs
  const blocks = await Promise.all(
    categories
      .filter((category) => !category.parent)
      .map(async (category) => ({ category, result: await getArticlesInCategory(locale, category.id, 4) })),
  )
  if (!featured) return <p>{ui.none}</p>
  const featuredImage = typeof featured.heroImage === 'object' ? featured.heroImage : null
  return (
    <>
      <h1 className="visually-hidden">{ui.latest}</h1>
      <article className="featured">
        {featuredImage ? (
          <Link href={localePath(locale, `/bai-viet/${featured.slug}`)} tabIndex={-1} aria-hidden="true">
            <ResponsiveImage image={featuredImage} size="wide" sizes="(max-width: 800px) 100vw, 760px" priority />
          </Link>
        ) : null}
        <h2 className="featured__title">
          <Link href={localePath(locale, `/bai-viet/${featured.slug}`)}>{featured.title}</Link>
        </h2>
        <Dateline date={featured.publishedAt} />
        {featured.lead ? <p className="featured__lead">{featured.lead}</p> : null}
      </article>

      <section aria-labelledby="tin-moi" className="home-section">
        <h2 id="tin-moi" className="section-title">
          {ui.latest}
        </h2>
        <div className="article-list">
          {rest.map((article) => (
            <ArticleCard key={article.id} article={article} locale={locale} />
          ))}
        </div>
      </section>

      {blocks
        .filter(({ result }) => result.docs.length > 0)
        .map(({ category, result }) => (
          <section key={category.id} aria-labelledby={`cm-${category.slug}`} className="home-section">
            <h2 id={`cm-${category.slug}`} className="section-title">
              <Link href={localePath(locale, `/chuyen-muc/${category.slug}`)}>{category.name}</Link>
            </h2>
            <ul className="headline-list">
              {result.docs.map((article) => (
                <li key={article.id}>
                  <Link href={localePath(locale, `/bai-viet/${article.slug}`)}>{article.title}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  )
}
