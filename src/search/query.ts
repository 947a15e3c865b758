import { foldVietnamese } from './fold'

export const MIN_QUERY_LENGTH = 2
export const MAX_QUERY_LENGTH = 100

export type SearchQuery = { ok: true; text: string; words: string[] } | { ok: false; message: string }

/** A reader's query, checked and folded: "Cải cách  HÀNH chính" → ["cai", "cach", "hanh", "chinh"]. */
export function parseQuery(raw: unknown, locale: 'vi' | 'en' = 'vi'): SearchQuery {
  const text = (typeof raw === 'string' ? raw : Array.isArray(raw) ? String(raw[0] ?? '') : '').replace(/\s+/g, ' ').trim()
  const tooShort = locale === 'vi' ? `Vui lòng nhập ít nhất ${MIN_QUERY_LENGTH} ký tự để tìm kiếm.` : `Please type at least ${MIN_QUERY_LENGTH} characters.`
  const tooLong = locale === 'vi' ? `Từ khóa tìm kiếm không được dài quá ${MAX_QUERY_LENGTH} ký tự.` : `Please type at most ${MAX_QUERY_LENGTH} characters.`
  if ([...text].length < MIN_QUERY_LENGTH) return { ok: false, message: tooShort }
  if ([...text].length > MAX_QUERY_LENGTH) return { ok: false, message: tooLong }
  const words = [...new Set(foldVietnamese(text).split(/[^a-z0-9]+/).filter(Boolean))]
  if (words.length === 0) return { ok: false, message: tooShort }
  return { ok: true, text, words }
}
