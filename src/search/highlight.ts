import { foldVietnamese } from './fold'

export type Segment = { text: string; hit: boolean }

/**
 * Splits text into plain and matching segments, matching folded words against folded text, so
 * "cai cach" marks "cải cách". Folding one character at a time keeps positions aligned.
 */
export function highlight(text: string, words: string[]): Segment[] {
  if (!text || words.length === 0) return [{ text, hit: false }]
  const chars = [...text]
  const folded = chars.map((ch) => {
    const f = foldVietnamese(ch)
    return f.length === 1 ? f : ch.toLowerCase().slice(0, 1)
  })
  const foldedText = folded.join('')
  const marks = new Array<boolean>(chars.length).fill(false)
  for (const word of words) {
    let from = 0
    for (;;) {
      const at = foldedText.indexOf(word, from)
      if (at < 0) break
      const before = at === 0 ? '' : foldedText[at - 1]
      if (!/[a-z0-9]/.test(before)) for (let i = at; i < at + word.length; i += 1) marks[i] = true
      from = at + 1
    }
  }
  const segments: Segment[] = []
  chars.forEach((ch, i) => {
    const last = segments[segments.length - 1]
    if (last && last.hit === marks[i]) last.text += ch
    else segments.push({ text: ch, hit: marks[i] })
  })
  return segments
}
