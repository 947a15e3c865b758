import type { Locale } from '../../lib/locale'
import { PrintButton } from './PrintButton'

type Props = { url: string; title: string; savePath: string; locale: Locale }

const UI = {
  vi: { tools: 'Công cụ bài viết', save: 'Lưu bài viết', share: 'Chia sẻ', email: 'Gửi email' },
  en: { tools: 'Article tools', save: 'Save article', share: 'Share', email: 'Email' },
} as const

/** Print, save as a self-contained HTML file, share: what state portals must offer on an article. */
export function ArticleTools({ url, title, savePath, locale }: Props) {
  const ui = UI[locale]
  const encoded = encodeURIComponent(url)
  return (
    <nav className="article-tools" aria-label={ui.tools}>
      <PrintButton locale={locale} />
      <a href={savePath} download className="article-tools__save">
        {ui.save}
      </a>
      <span className="article-tools__share">
        {ui.share}:{' '}
        <a href={`https://www.facebook.com/sharer/sharer.php?u=${encoded}`} target="_blank" rel="noopener noreferrer">
          Facebook
        </a>{' '}
        <a href={`https://twitter.com/intent/tweet?url=${encoded}&text=${encodeURIComponent(title)}`} target="_blank" rel="noopener noreferrer">
          X
        </a>{' '}
        <a href={`mailto:?subject=${encodeURIComponent(title)}&body=${encoded}`}>{ui.email}</a>
      </span>
    </nav>
  )
}
