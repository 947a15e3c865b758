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

/** A block node; `id` given when the same content must keep the same id (an import run again). */
function block(fields: Record<string, unknown>, id = crypto.randomBytes(12).toString('hex')): Node {
  return { type: 'block', version: 2, format: '', fields: { id, blockName: '', ...fields } }
}

export function imageWithCaption(image: number | string, caption: string, id?: string): Node {
  return block({ blockType: 'imageWithCaption', image, caption }, id)
}

export function videoEmbed(url: string, caption = '', id?: string): Node {
  return block({ blockType: 'videoEmbed', url, caption }, id)
}

export function richText(children: Node[]) {
  return {
    root: { type: 'root', version: 1, direction: 'ltr' as const, format: '' as const, indent: 0, children },
  }
}
