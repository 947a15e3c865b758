/** Builders for the Lexical JSON that article bodies are stored as. */
import crypto from 'node:crypto'

type Node = { type: string; version: number; [key: string]: unknown }

export function paragraph(text: string): Node {
  return {
    type: 'paragraph',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }],
  }
}

export function imageWithCaption(image: number | string, caption: string): Node {
  return {
    type: 'block',
    version: 2,
    format: '',
    fields: { id: crypto.randomBytes(12).toString('hex'), blockName: '', blockType: 'imageWithCaption', image, caption },
  }
}

export function videoEmbed(url: string, caption = ''): Node {
  return {
    type: 'block',
    version: 2,
    format: '',
    fields: { id: crypto.randomBytes(12).toString('hex'), blockName: '', blockType: 'videoEmbed', url, caption },
  }
}

export function richText(children: Node[]) {
  return {
    root: { type: 'root', version: 1, direction: 'ltr' as const, format: '' as const, indent: 0, children },
  }
}
