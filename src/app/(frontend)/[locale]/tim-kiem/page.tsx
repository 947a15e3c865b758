import type { Metadata } from 'next'

import { ArticleCard } from '@/components/article/ArticleCard'
import { Pagination } from '@/components/layout/Pagination'
import { SearchBox } from '@/components/layout/SearchBox'
import { Highlighted } from '@/components/search/Highlighted'
import { localePath, toLocale } from '@/lib/locale'
import { getPayloadClient } from '@/lib/payload'
import { parseQuery } from '@/search/query'
import { searchArticles } from '@/search/searchArticles'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string | string[]; trang?: string | string[] }> }

export const metadata: Metadata = { title: 'Tìm kiếm', robots: { index: false } }

// The one portal page rendered per request: its answer depends on the query.
export const dynamic = 'force-dynamic'

const UI = {
  vi: { title: 'Tìm kiếm', results: (n: number, q: string) => `${n} kết quả cho “${q}”`, none: (q: string) => `Không tìm thấy bài viết nào cho “${q}”.` },
  en: { title: 'Search', results: (n: number, q: string) => `${n} results for “${q}”`, none: (q: string) => `Nothing found for “${q}”.` },
} as const

export default async function SearchPage({ params, searchParams }: Props) {
  const raw = (await params).locale
  const locale = toLocale(raw)
  const { q, trang } = await searchParams
  const ui = UI[locale]
  const query = q === undefined ? null : parseQuery(q, locale)
  const pageRaw = Array.isArray(trang) ? trang[0] : trang
  const page = pageRaw && /^[1-9][0-9]{0,3}$/.test(pageRaw) ? Number(pageRaw) : 1
  const result = query?.ok ? await searchArticles(await getPayloadClient(), query.words, { locale, page }) : null
  return (
    <section aria-labelledby="tieu-de" className="search-page">
      <h1 id="tieu-de" className="section-title">
        {ui.title}
      </h1>
      <SearchBox locale={locale} id="q-trang" defaultValue={query?.ok ? query.text : typeof q === 'string' ? q.slice(0, 100) : ''} />
      {query && !query.ok ? (
        <p className="search-page__error" role="alert">
          {query.message}
        </p>
      ) : null}
      {query?.ok && result ? (
        <>
          <p className="search-page__summary" role="status">
            {result.totalDocs > 0 ? ui.results(result.totalDocs, query.text) : ui.none(query.text)}
          </p>
          <div className="article-list">
            {result.docs.map((article) => (
              <ArticleCard
                key={article.id}
                locale={locale}
                article={article}
                title={<Highlighted text={article.title} words={query.words} />}
                lead={article.lead ? <Highlighted text={article.lead} words={query.words} /> : null}
              />
            ))}
          </div>
          <Pagination basePath={localePath(locale, '/tim-kiem')} page={result.page} totalPages={result.totalPages} query={{ q: query.text }} />
        </>
      ) : null}
    </section>
  )
}
