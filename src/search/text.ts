/** The plain text of a Lexical document: its text nodes and the captions of its image blocks. */
type LexicalNode = { type?: string; text?: string; children?: LexicalNode[]; fields?: { caption?: string | null } }

export function lexicalText(data: unknown): string {
  const root = (data as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return ''
  const parts: string[] = []
  const walk = (node: LexicalNode) => {
    if (typeof node.text === 'string') parts.push(node.text)
    if (node.type === 'block' && node.fields?.caption) parts.push(node.fields.caption)
    node.children?.forEach(walk)
    if (node.type === 'paragraph' || node.type === 'heading') parts.push('\n')
  }
  walk(root)
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}
