import { foldVietnamese } from '../search/fold'

const MAX_SLUG_LENGTH = 120

/** "Thi đua, tạo đột phá" → "thi-dua-tao-dot-pha": folded, ASCII, hyphenated, bounded. */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '')
}

/** A slug is what slugify would keep: lowercase ASCII words joined by single hyphens. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= MAX_SLUG_LENGTH
}
