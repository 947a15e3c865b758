/**
 * Ids and `where` values that the database cannot take. `/api/articles/abc` and
 * `where[id][in]=1,2,abc` reached SQLite as NaN ("Only finite numbers can be passed": 500 and an
 * ERROR with the query in the log), `where[publishedAt][greater_than]=abc` as undefined; on
 * PostgreSQL such text fails the cast. They are refused before the query: an id that cannot be one
 * is a 404 (no such document), a value of the wrong kind for its field a 400 naming the field.
 */
import type { FlattenedField } from 'payload'

export const VALUE_MESSAGES = {
  notFound: 'Không tìm thấy tài liệu.',
  value: (path: string) => `Giá trị không hợp lệ cho trường "${path}" trong điều kiện lọc (where).`,
  where: 'Điều kiện lọc (where) không hợp lệ.',
} as const

/** Operators whose value has the field's own kind (like, exists, near... have kinds of their own). */
const TYPED_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
/** How deep a where may nest (and/or inside and/or): Payload itself recurses without a bound. */
const MAX_NESTING = 8
const MAX_CONDITIONS = 200

type Kind = 'id' | 'number' | 'date'
export type IdType = 'number' | 'text'

/** A whole positive number the database's serial ids can be (up to 2^53). */
const SERIAL = /^[1-9]\d{0,14}$/

export function isValidId(id: unknown, idType: IdType): boolean {
  if (idType === 'text') return typeof id === 'string' ? id.length > 0 && id.length <= 100 : typeof id === 'number'
  if (typeof id === 'number') return Number.isSafeInteger(id) && id > 0
  return typeof id === 'string' && SERIAL.test(id)
}

/** The `:id` of an endpoint's route as a serial id, or null (the caller answers 404). */
export function routeId(req: { routeParams?: Record<string, unknown> }): number | null {
  const raw = String(req.routeParams?.id ?? '')
  return isValidId(raw, 'number') ? Number(raw) : null
}

function fits(value: unknown, kind: Kind, idType: IdType): boolean {
  if (value === null || value === 'null' || value === undefined) return true
  if (kind === 'id') return isValidId(value, idType)
  if (kind === 'number') return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value))
}

/** The kind of value a where path compares with, when it is one we can check. */
function kindOf(path: string, fields: FlattenedField[]): Kind | null {
  const [name, ...rest] = path.split('.')
  if (name === 'id' && rest.length === 0) return 'id'
  const field = fields.find((candidate) => candidate.name === name)
  if (!field) return null
  if ((field.type === 'relationship' || field.type === 'upload') && (rest.length === 0 || (rest.length === 1 && rest[0] === 'id'))) {
    return Array.isArray(field.relationTo) ? null : 'id'
  }
  if (rest.length > 0) return null
  if (field.type === 'number') return 'number'
  if (field.type === 'date') return 'date'
  return null
}

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]

/** Why this `where` is refused, or null. */
export function whereRefusal(where: unknown, fields: FlattenedField[], idType: IdType): string | null {
  let conditions = 0
  const visit = (node: unknown, depth: number): string | null => {
    if (node === undefined || node === null) return null
    if (typeof node !== 'object' || Array.isArray(node) || depth > MAX_NESTING) return VALUE_MESSAGES.where
    for (const [key, value] of Object.entries(node)) {
      if (key === 'and' || key === 'or') {
        if (!Array.isArray(value)) return VALUE_MESSAGES.where
        for (const child of value) {
          const refusal = visit(child, depth + 1)
          if (refusal) return refusal
        }
        continue
      }
      if (++conditions > MAX_CONDITIONS) return VALUE_MESSAGES.where
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return VALUE_MESSAGES.where
      const kind = kindOf(key, fields)
      if (!kind) continue
      for (const [operator, operand] of Object.entries(value)) {
        if (!TYPED_OPERATORS.has(operator)) continue
        const operands = LIST_OPERATORS.has(operator) ? listOf(operand) : [operand]
        if (operands.length > 1000 || !operands.every((item) => fits(item, kind, idType))) return VALUE_MESSAGES.value(key)
      }
    }
    return null
  }
  return visit(where, 0)
}
