/**
 * NukeViet's `bodyhtml` split into what Lexical's HTML converter takes and what becomes our blocks:
 * both caption styles (CKEditor image2 `<figure>` + `<figcaption>`, and an `<img>` alone in a `<p>`
 * followed by a `<p><em>caption</em></p>`) become image-with-caption pieces; a YouTube or Vimeo
 * iframe becomes a video piece (our embedded-video block); other iframes, scripts, forms and
 * objects are taken out and named, so the importer reports them per article.
 */
import { Window } from 'happy-dom'

import { parseVideo } from '../../lib/video'

export type BodyImage = { src: string; alt: string; caption: string }
export type BodyPiece = { kind: 'html'; html: string } | { kind: 'image'; image: BodyImage } | { kind: 'video'; url: string }
export type SplitBody = { pieces: BodyPiece[]; dropped: string[] }

const DROPPED_TAGS = ['script', 'style', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'audio', 'video', 'canvas', 'svg']
/** Where a video piece stands until the walk below reaches it. */
const VIDEO_MARK = 'data-nv-video'

type El = { tagName: string; textContent: string | null; getAttribute(name: string): string | null; querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El>; remove(): void; childNodes: ArrayLike<unknown>; outerHTML: string; children: ArrayLike<El>; nextElementSibling: El | null; innerHTML: string; parentElement: El | null; after(node: unknown): void; setAttribute(name: string, value: string): void; hasAttribute(name: string): boolean }

const text = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim()

/** An element holding nothing but images (and blank text, `<br>`, `&nbsp;`, wrapping links/spans). */
function onlyImages(el: El): boolean {
  if (!el.querySelector('img')) return false
  if (text(el.textContent).replace(/\u00a0/g, '') !== '') return false
  for (const child of Array.from(el.querySelectorAll('*'))) {
    if (!['IMG', 'A', 'SPAN', 'BR', 'STRONG', 'EM', 'B', 'I'].includes(child.tagName)) return false
  }
  return true
}

/** `<p style="text-align:center"><em>caption</em></p>` (the older style's caption line). */
function emCaption(el: El | null): string | null {
  if (!el || el.tagName !== 'P') return null
  const em = el.querySelector('em, i')
  if (!em) return null
  const whole = text(el.textContent)
  return whole !== '' && whole === text(em.textContent) && !el.querySelector('img') ? whole : null
}

function imageOf(img: El, caption: string): BodyImage {
  return { src: (img.getAttribute('src') ?? '').trim(), alt: text(img.getAttribute('alt')), caption }
}

let shared: Window | null = null
/** One DOM for the whole run (a new window per article would keep each one's memory until closed). */
export function dom(): Window {
  shared ??= new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } })
  return shared
}

export async function closeDom(): Promise<void> {
  if (shared) await shared.happyDOM.close()
  shared = null
}

export function splitBody(html: string): SplitBody {
  const document = dom().document
  const root = document.createElement('div') as unknown as El
  root.innerHTML = html
  const dropped: string[] = []
  for (const el of Array.from(root.querySelectorAll('iframe'))) {
    const src = (el.getAttribute('src') ?? '').trim()
    if (parseVideo(src)) {
      // after the paragraph (or div…) holding it, at the top level the walk below goes through
      let top = el
      while (top.parentElement && top.parentElement !== root) top = top.parentElement
      const mark = document.createElement('div') as unknown as El
      mark.setAttribute(VIDEO_MARK, src)
      top.after(mark)
    } else {
      dropped.push(`iframe ${src || '(không có src)'} (chỉ giữ video YouTube, Vimeo)`)
    }
    removeLeavingNoEmptyParent(el)
  }
  for (const tag of DROPPED_TAGS) {
    for (const el of Array.from(root.querySelectorAll(tag))) {
      dropped.push(`<${tag}>`)
      removeLeavingNoEmptyParent(el)
    }
  }

  const pieces: BodyPiece[] = []
  const pushHtml = (chunk: string) => {
    if (!chunk.trim()) return
    const last = pieces[pieces.length - 1]
    if (last?.kind === 'html') last.html += `\n${chunk}`
    else pieces.push({ kind: 'html', html: chunk })
  }
  const skip = new Set<El>()
  for (const node of Array.from(root.childNodes) as unknown as (El & { nodeType: number; textContent: string })[]) {
    if (node.nodeType === 3) {
      if (node.textContent.trim()) pushHtml(`<p>${escapeHtml(node.textContent.trim())}</p>`)
      continue
    }
    if (node.nodeType !== 1 || skip.has(node)) continue
    const el = node
    if (el.hasAttribute(VIDEO_MARK)) {
      pieces.push({ kind: 'video', url: el.getAttribute(VIDEO_MARK) ?? '' })
      continue
    }
    if (el.tagName === 'FIGURE') {
      const img = el.querySelector('img')
      const caption = text(el.querySelector('figcaption')?.textContent)
      if (img) pieces.push({ kind: 'image', image: imageOf(img, caption) })
      else if (el.querySelector('table')) pushHtml(el.innerHTML)
      else if (caption) pushHtml(`<p>${escapeHtml(caption)}</p>`)
      continue
    }
    if (onlyImages(el)) {
      const imgs = Array.from(el.querySelectorAll('img'))
      const next = el.nextElementSibling
      const caption = emCaption(next)
      if (caption !== null && next) skip.add(next)
      imgs.forEach((img, i) => pieces.push({ kind: 'image', image: imageOf(img, i === imgs.length - 1 ? (caption ?? '') : '') }))
      continue
    }
    // images inside text: the text stays, each picture follows it as a block of its own
    const inner = Array.from(el.querySelectorAll('img'))
    for (const img of inner) img.remove()
    if (el.tagName === 'IMG') {
      pieces.push({ kind: 'image', image: imageOf(el, '') })
      continue
    }
    pushHtml(el.outerHTML)
    for (const img of inner) pieces.push({ kind: 'image', image: imageOf(img, '') })
  }
  root.innerHTML = ''
  return { pieces, dropped }
}

/** Removes an element, and the paragraph (or div, centre…) it leaves empty. */
function removeLeavingNoEmptyParent(el: El) {
  let parent = el.parentElement
  el.remove()
  while (parent && parent.parentElement && text(parent.textContent).replace(/\u00a0/g, '') === '' && !parent.querySelector('img, table')) {
    const up: El | null = parent.parentElement
    parent.remove()
    parent = up
  }
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The `JSDOM` convertHTMLToLexical asks for, on happy-dom's shared window. */
export class HappyJSDOM {
  window: { document: Document }
  constructor(html: string) {
    const window = dom()
    window.document.body.innerHTML = html
    this.window = window as unknown as { document: Document }
  }
}
