/**
 * NukeViet stores text HTML-escaped by its request filter (`&amp;`, `&quot;`, `&#039;`, `&#x3A;`,
 * `&#40;`…): these give it back as typed.
 */
import { decodeHTML } from 'entities'

/** A title, author, source or tag as typed: every entity decoded, spaces tidied. */
export function decodeText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return decodeHTML(String(value)).replace(/\s+/g, ' ').trim()
}

/** `hometext`: plain text whose newlines were stored as `<br />`; any other tag is dropped. */
export function decodeLead(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
    .replace(/\r\n?/g, '\n')
    .replace(/\s*<br\s*\/?>\s*/gi, '\n')
    .replace(/<[^>]*>/g, '')
  return decodeHTML(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** `detail.keywords` ("a, b, c") and the tag rows' keywords merged: each once, as typed, bounded. */
export function mergeTags(lists: string[][], max = 20): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const list of lists) {
    for (const raw of list) {
      const tag = decodeText(raw).slice(0, 100)
      const key = tag.toLocaleLowerCase('vi')
      if (!tag || seen.has(key)) continue
      seen.add(key)
      out.push(tag)
      if (out.length >= max) return out
    }
  }
  return out
}

export const splitKeywords = (value: unknown): string[] =>
  value ? String(value).split(',').map((k) => k.trim()).filter(Boolean) : []
