/**
 * An article as one self-contained HTML file (images inlined as data: URIs, styles inline), for
 * readers who save it. State portals must offer "save"; the file opens offline in any browser.
 */
import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import type { Article, Image, ImageWithCaptionBlock } from '../payload-types'
import { formatDateline } from './dates'

export type ImageReader = (filename: string) => Buffer | null

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function inlineImage(image: Image | number | null | undefined, readImage: ImageReader): { src: string; alt: string; caption: string } | null {
  if (!image || typeof image !== 'object') return null
  const size = image.sizes?.card?.filename ? image.sizes.card : image
  const data = size.filename ? readImage(size.filename) : null
  if (!data) return null
  return { src: `data:${size.mimeType ?? 'image/jpeg'};base64,${data.toString('base64')}`, alt: image.alt, caption: image.caption ?? '' }
}

function figure(image: Image | number | null | undefined, caption: string | null | undefined, readImage: ImageReader): string {
  const inlined = inlineImage(image, readImage)
  if (!inlined) return ''
  const text = caption?.trim() || inlined.caption
  return `<figure><img src="${inlined.src}" alt="${escape(inlined.alt)}">${text ? `<figcaption>${escape(text)}</figcaption>` : ''}</figure>`
}

export function renderSavedArticle(article: Article, { url, readImage, locale }: { url: string; readImage: ImageReader; locale: 'vi' | 'en' }): string {
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    blocks: {
      imageWithCaption: ({ node }: { node: { fields: ImageWithCaptionBlock } }) => figure(node.fields.image, node.fields.caption, readImage),
    },
  })
  const body = article.body
    ? convertLexicalToHTML({ data: article.body as unknown as SerializedEditorState, converters: converters ?? defaultHTMLConverters, disableContainer: true })
    : ''
  const author = locale === 'vi' ? 'Tác giả' : 'Author'
  const source = locale === 'vi' ? 'Nguồn' : 'Source'
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(article.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1d1d1f}
h1{line-height:1.3}.dateline{color:#55585e}.lead{font-weight:700}img{max-width:100%;height:auto}
figure{margin:1.25rem 0}figcaption{background:#f0f1f3;font-style:italic;padding:.5rem .75rem;text-align:center}
.byline{text-align:right}.source{color:#55585e;font-size:.9rem;border-top:1px solid #ddd;padding-top:.5rem}
</style>
</head>
<body>
<article>
<h1>${escape(article.title)}</h1>
${article.publishedAt ? `<p class="dateline">${escape(formatDateline(article.publishedAt))}</p>` : ''}
${article.lead ? `<p class="lead">${escape(article.lead)}</p>` : ''}
${figure(article.heroImage, article.heroCaption, readImage)}
${body}
${article.byline ? `<p class="byline">${author}: <strong>${escape(article.byline)}</strong></p>` : ''}
<p class="source">${source}: <a href="${escape(url)}">${escape(url)}</a></p>
</article>
</body>
</html>
`
}
