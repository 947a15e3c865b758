import type { Locale } from '../../lib/locale'

/** Prints the article with the print stylesheet (header, sidebar and tools hidden); public/portal.js handles the click. */
export function PrintButton({ locale }: { locale: Locale }) {
  return (
    <button type="button" className="article-tools__print" data-print>
      {locale === 'vi' ? 'In bài viết' : 'Print'}
    </button>
  )
}
