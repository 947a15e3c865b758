import type { Metadata } from 'next'
import Link from 'next/link'
import { draftMode, headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { ArticleBody } from '@/components/article/ArticleBody'
import { ArticleTools } from '@/components/article/ArticleTools'
import { Dateline } from '@/components/article/Dateline'
import { Figure } from '@/components/article/Figure'
import { articleJsonLd } from '@/components/article/jsonLd'
import { RatingWidget } from '@/components/rating/RatingWidget'
import { ArticleViews } from '@/components/stats/ArticleViews'
import { getArticleBySlug, getArticleLocales, getArticlePreview, getArticlesInCategory } from '@/lib/articles'
import { type Locale, localePath, toLocale } from '@/lib/locale'
import { absoluteUrl } from '@/lib/siteUrl'
import type { Article, Image } from '@/payload-types'

type Props = { params: Promise<{ locale: string; slug: string }> }

export function generateStaticParams() {
  return []
}

async function load(params: Props['params']) {
  const { locale: raw, slug } = await params
  const locale = toLocale(raw)
  // Draft mode (set by /api/preview for a logged-in newsroom member) shows the latest draft.
  const preview = (await draftMode()).isEnabled
  const article = preview ? await getArticlePreview(locale, slug, await headers()) : await getArticleBySlug(locale, slug)
  return article ? { locale, article, preview } : null
}

const imageOf = (value: Article['heroImage']): Image | null => (typeof value === 'object' && value ? value : null)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params)
  if (!data) return { title: 'Không tìm thấy trang' }
  const { article, locale } = data
  const locales = await getArticleLocales(article.slug)
  const og = imageOf(article.heroImage)?.sizes?.og
  const path = localePath(locale, `/bai-viet/${article.slug}`)
  return {
    title: article.title,
    description: article.lead ?? undefined,
    alternates: {
      canonical: path,
      languages: Object.fromEntries(locales.map((l) => [l, localePath(l, `/bai-viet/${article.slug}`)])),
    },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.lead ?? undefined,
      url: path,
      locale: locale === 'vi' ? 'vi_VN' : 'en_US',
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      images: og?.url ? [{ url: og.url, width: og.width ?? 1200, height: og.height ?? 630, alt: imageOf(article.heroImage)?.alt }] : [],
    },
    twitter: { card: og?.url ? 'summary_large_image' : 'summary', title: article.title, description: article.lead ?? undefined },
  }
}

const UI = {
  vi: { author: 'Tác giả', tags: 'Thẻ', related: 'Tin cùng chuyên mục', otherLanguage: 'Read in English' },
  en: { author: 'Author', tags: 'Tags', related: 'More in this category', otherLanguage: 'Đọc bằng tiếng Việt' },
} as const

export default async function ArticlePage({ params }: Props) {
  const data = await load(params)
  if (!data) notFound()
  const { article, locale, preview } = data
  const ui = UI[locale]
  const category = typeof article.primaryCategory === 'object' ? article.primaryCategory : null
  const [locales, related] = await Promise.all([
    getArticleLocales(article.slug),
    category ? getArticlesInCategory(locale, category.id, 6) : null,
  ])
  const otherLocale: Locale = locale === 'vi' ? 'en' : 'vi'
  const path = localePath(locale, `/bai-viet/${article.slug}`)
  return (
    <article className="article" lang={locale} data-article-id={article.id} {...(preview ? { 'data-preview': '' } : {})}>
      {preview ? (
        <p className="preview-banner" role="note">
          Bản xem trước: {article._status === 'published' ? 'bản đang đăng kèm các sửa đổi chưa đăng' : 'bài viết chưa được đăng'}.{' '}
          <a href={`/api/preview/exit?path=${encodeURIComponent(localePath(locale, `/bai-viet/${article.slug}`))}`}>Thoát xem trước</a>
        </p>
      ) : null}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: articleJsonLd(article, absoluteUrl(path)) }} />
      {category ? (
        <p className="article__category">
          <Link href={localePath(locale, `/chuyen-muc/${category.slug}`)}>{category.name}</Link>
        </p>
      ) : null}
      <h1 className="article__title">{article.title}</h1>
      <div className="article__meta">
        <Dateline date={article.publishedAt} />
        <ArticleViews articleId={article.id} initial={article.viewCount ?? 0} locale={locale} />
        {locales.includes(otherLocale) ? (
          <a href={localePath(otherLocale, `/bai-viet/${article.slug}`)} hrefLang={otherLocale} lang={otherLocale} className="article__lang">
            {ui.otherLanguage}
          </a>
        ) : null}
      </div>
      {article.heroPosition === 'small' ? (
        <div className="article__intro">
          <Figure image={article.heroImage} caption={article.heroCaption} priority small />
          {article.lead ? <p className="article__lead">{article.lead}</p> : null}
        </div>
      ) : (
        <>
          {article.lead ? <p className="article__lead">{article.lead}</p> : null}
          {article.heroPosition !== 'hidden' ? <Figure image={article.heroImage} caption={article.heroCaption} priority /> : null}
        </>
      )}
      <ArticleBody data={article.body} />
      {article.byline ? (
        <p className="article__byline">
          {ui.author}: <strong>{article.byline}</strong>
        </p>
      ) : null}
      {article.tags && article.tags.length > 0 ? (
        <p className="article__tags">
          {ui.tags}:{' '}
          {article.tags.map((tag, i) => (
            <span key={tag}>
              {i > 0 ? ', ' : null}
              <Link href={localePath(locale, `/the/${encodeURIComponent(tag)}`)}>{tag}</Link>
            </span>
          ))}
        </p>
      ) : null}
      <ArticleTools url={absoluteUrl(path)} title={article.title} savePath={`/api/articles/${article.id}/luu?locale=${locale}`} locale={locale} />
      {article.allowRating !== false ? (
        <RatingWidget articleId={article.id} initial={{ total: article.ratingTotal ?? 0, count: article.ratingCount ?? 0 }} />
      ) : null}
      {related && related.docs.filter((doc) => doc.id !== article.id).length > 0 ? (
        <section className="related" aria-labelledby="tin-lien-quan">
          <h2 id="tin-lien-quan" className="section-title">
            {ui.related}
          </h2>
          <ul className="headline-list">
            {related.docs
              .filter((doc) => doc.id !== article.id)
              .slice(0, 5)
              .map((doc) => (
                <li key={doc.id}>
                  <Link href={localePath(locale, `/bai-viet/${doc.slug}`)}>{doc.title}</Link>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
