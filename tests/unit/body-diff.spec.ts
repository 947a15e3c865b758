/** The versions screen's body comparison (src/lib/bodyDiff.ts): blocks written out in Vietnamese. */
import { readableBody } from '../../src/lib/bodyDiff'
import { imageWithCaption, paragraph, richText, videoEmbed } from '../../src/seed/lexical'

const texts = (state: unknown) =>
  (state as { root: { children: { type: string; children?: { text: string }[] }[] } }).root.children.map((c) => [c.type, c.children?.map((t) => t.text).join('')])

describe('an article body compared between versions', () => {
  it('shows each block as a Vietnamese paragraph of what it holds, and leaves the text as it is', () => {
    const body = richText([paragraph('Mở đầu.'), imageWithCaption(7, 'Quang cảnh hội nghị'), imageWithCaption(8, ''), videoEmbed('https://youtu.be/dQw4w9WgXcQ', 'Lễ hội')])
    expect(texts(readableBody(body))).toEqual([
      ['paragraph', 'Mở đầu.'],
      ['paragraph', '[Ảnh có chú thích] Quang cảnh hội nghị'],
      ['paragraph', '[Ảnh có chú thích] ảnh số 8'],
      ['paragraph', '[Video nhúng] https://youtu.be/dQw4w9WgXcQ – Lễ hội'],
    ])
    expect(JSON.stringify(readableBody(body))).not.toMatch(/"type":"block"/)
  })

  it('leaves an empty or missing body alone, and does not change the stored one', () => {
    expect(readableBody(null)).toBeNull()
    expect(readableBody(undefined)).toBeUndefined()
    const body = richText([imageWithCaption(7, 'x')])
    const before = JSON.stringify(body)
    readableBody(body)
    expect(JSON.stringify(body)).toBe(before)
  })
})
