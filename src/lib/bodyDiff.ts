/**
 * An article body as the versions screen compares it: Payload's Lexical diff draws a block as its
 * slug and the English word "Block" ("imageWithCaption Block"); ours become a paragraph that says,
 * in Vietnamese, what the block is and what it holds, so that an editor sees what changed.
 */
import { paragraph } from '../seed/lexical'

type Node = { type?: string; children?: unknown[]; fields?: Record<string, unknown>; [key: string]: unknown }

const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

function describe(fields: Record<string, unknown>): string {
  const caption = typeof fields.caption === 'string' ? fields.caption.trim() : ''
  switch (fields.blockType) {
    case 'imageWithCaption':
      return `[Ảnh có chú thích] ${caption || `ảnh số ${String(idOf(fields.image) ?? '?')}`}`
    case 'videoEmbed':
      return `[Video nhúng] ${String(fields.url ?? '')}${caption ? ` – ${caption}` : ''}`
    default:
      return `[Khối ${String(fields.blockType ?? '')}]`
  }
}

function readableNode(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node
  const record = node as Node
  if ((record.type === 'block' || record.type === 'inlineBlock') && record.fields) return paragraph(describe(record.fields))
  return Array.isArray(record.children) ? { ...record, children: record.children.map(readableNode) } : record
}

/** The same Lexical state with every block written out as a Vietnamese paragraph. */
export function readableBody<T>(state: T): T {
  if (!state || typeof state !== 'object' || !('root' in state)) return state
  return { ...state, root: readableNode((state as { root: unknown }).root) } as T
}
