/** The steps every paginated list route shares: locale, page number, the list's owner, its page. */
import type { ArticlePage } from './articles'
import { type Locale, toLocale } from './locale'

export const LIST_PAGE_SIZE = 10

export type ListParams = Promise<{ locale: string; key: string; trang?: string[] }>

/** [[...trang]] as a page number: none → 1, ['trang', 'N'] → N, anything else → null (404). */
export function listPage(segments: string[] | undefined): number | null {
  if (!segments || segments.length === 0) return 1
  if (segments.length === 2 && segments[0] === 'trang' && /^[1-9][0-9]{0,4}$/.test(segments[1])) return Number(segments[1])
  return null
}

/**
 * Loads one page of a list (a category's, an author's, a tag's); null means 404: an unknown
 * owner, a malformed page, a page past the end, or an empty list when `emptyIsMissing`.
 */
export async function loadList<Owner>(
  params: ListParams,
  findOwner: (locale: Locale, key: string) => Promise<Owner | null>,
  listArticles: (locale: Locale, owner: Owner, page: number) => Promise<ArticlePage>,
  { emptyIsMissing = false } = {},
) {
  const { locale: raw, key, trang } = await params
  const locale = toLocale(raw)
  const page = listPage(trang)
  if (page === null) return null
  const owner = await findOwner(locale, key)
  if (owner === null) return null
  const result = await listArticles(locale, owner, page)
  if (emptyIsMissing && result.totalDocs === 0) return null
  if (page > 1 && page > result.totalPages) return null
  return { locale, owner, page, result }
}
