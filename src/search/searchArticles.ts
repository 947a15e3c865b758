/**
 * Article search over a folded copy of each article's text (see the Articles `search` fields):
 * every query word must appear in the title, lead or body; title matches rank first, then newer.
 * Done with Payload's `like` on SQLite and PostgreSQL alike; see README for full-text at scale.
 */
import type { Payload } from 'payload'

import type { Article } from '../payload-types'

export const SEARCH_PAGE_SIZE = 10
const MAX_CANDIDATES = 500

export type SearchResult = { docs: Article[]; totalDocs: number; page: number; totalPages: number }

export async function searchArticles(payload: Payload, words: string[], { locale, page }: { locale: 'vi' | 'en'; page: number }): Promise<SearchResult> {
  const query = words.join(' ')
  const { docs: candidates } = await payload.find({
    collection: 'articles',
    where: { searchText: { like: query } },
    sort: '-publishedAt',
    limit: MAX_CANDIDATES,
    depth: 0,
    locale,
    fallbackLocale: false,
    overrideAccess: false,
    select: { searchTitle: true, publishedAt: true },
  })
  const titleHits = (doc: { searchTitle?: string | null }) => words.every((word) => (doc.searchTitle ?? '').includes(word))
  const ranked = [...candidates.filter(titleHits), ...candidates.filter((doc) => !titleHits(doc))]
  const totalPages = Math.max(1, Math.ceil(ranked.length / SEARCH_PAGE_SIZE))
  const ids = ranked.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE).map((doc) => doc.id)
  if (ids.length === 0) return { docs: [], totalDocs: ranked.length, page, totalPages }
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { in: ids } },
    limit: ids.length,
    depth: 1,
    locale,
    fallbackLocale: false,
    overrideAccess: false,
    select: { title: true, slug: true, lead: true, publishedAt: true, heroImage: true, primaryCategory: true },
  })
  const byId = new Map(docs.map((doc) => [doc.id, doc as Article]))
  return { docs: ids.map((id) => byId.get(id)!).filter(Boolean), totalDocs: ranked.length, page, totalPages }
}
