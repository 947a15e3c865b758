/**
 * What one REST or GraphQL request may ask of the database. For everyone, `page`, `limit` and
 * `depth` are whole numbers in range (a page past any number the database takes was a 500). For a
 * stranger (no session), a list is always paginated, at most PUBLIC_API_MAX_LIMIT documents a page,
 * populated at most PUBLIC_API_MAX_DEPTH levels deep. The server's own reads are not limited here:
 * Local API calls, calls that override access (endpoints reading for a stranger, as the rating
 * does), and the population of a request's relationships, which the checked depth already bounds.
 *
 * Checked in a beforeOperation hook put first on every collection and global, Payload's own
 * included (applyQueryLimits on the built config: a plugin would not see those).
 */
import type { CollectionBeforeOperationHook, FlattenedField, GlobalBeforeOperationHook, PayloadRequest, SanitizedConfig } from 'payload'

import { RequestRefused } from './refused'
import { isValidId, VALUE_MESSAGES, whereRefusal } from './values'

export const MAX_PAGE = 1_000_000
/** Staff may ask for big pages (or none), but not past what keeps page × limit a safe offset. */
export const MAX_LIMIT = 1_000_000

export type QueryLimits = { publicMaxLimit: number; publicMaxDepth: number; maxDepth: number }

const wholeFromEnv = (value: string | undefined, fallback: number, min: number) => {
  const number = Number(value || fallback)
  return Number.isInteger(number) && number >= min ? number : fallback
}

/** The limits from the environment, with their defaults (README, Limits). */
export function queryLimitsFrom(env: NodeJS.ProcessEnv, maxDepth: number): QueryLimits {
  return {
    publicMaxLimit: Math.min(wholeFromEnv(env.PUBLIC_API_MAX_LIMIT, 100, 1), MAX_LIMIT),
    publicMaxDepth: Math.min(wholeFromEnv(env.PUBLIC_API_MAX_DEPTH, 2, 0), maxDepth),
    maxDepth,
  }
}

export const QUERY_MESSAGES = {
  page: `Tham số page phải là số nguyên từ 1 đến ${MAX_PAGE}.`,
  limit: (min: number, max: number) => `Tham số limit phải là số nguyên từ ${min} đến ${max}.`,
  depth: (max: number) => `Tham số depth phải là số nguyên từ 0 đến ${max}.`,
  pagination: 'Người đọc chưa đăng nhập không được tắt phân trang (pagination=false).',
} as const

type QueryArgs = { page?: unknown; limit?: unknown; depth?: unknown; pagination?: unknown }

/** REST gives numbers for numeric text and leaves anything else as it came (text, a list). */
const within = (value: unknown, min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

/** Why these arguments are refused, or null. `anonymous`: asked by someone with no session. */
export function refusalOf(args: QueryArgs, anonymous: boolean, limits: QueryLimits): string | null {
  if (args.page !== undefined && !within(args.page, 1, MAX_PAGE)) return QUERY_MESSAGES.page
  const [minLimit, maxLimit] = anonymous ? [1, limits.publicMaxLimit] : [0, MAX_LIMIT]
  if (args.limit !== undefined && !within(args.limit, minLimit, maxLimit)) return QUERY_MESSAGES.limit(minLimit, maxLimit)
  const maxDepth = anonymous ? limits.publicMaxDepth : limits.maxDepth
  if (args.depth !== undefined && !within(args.depth, 0, maxDepth)) return QUERY_MESSAGES.depth(maxDepth)
  if (anonymous && args.pagination === false) return QUERY_MESSAGES.pagination
  return null
}

/** What every operation's hook is given; each operation has arguments of its own (login has no page). */
type Operation = { args?: unknown; overrideAccess?: boolean; req: PayloadRequest; collection?: { flattenedFields: FlattenedField[] } }

function checkOperation(limits: QueryLimits, { args, overrideAccess, req, collection }: Operation): void {
  const query = args as (QueryArgs & { currentDepth?: number; id?: unknown; where?: unknown }) | undefined
  if (!query || req.payloadAPI === 'local' || overrideAccess === true || query.currentDepth) return
  const refusal = refusalOf(query, !req.user, limits)
  if (refusal) throw new RequestRefused(refusal)
  if (!collection) return
  // Ids and where values the database cannot take (src/limits/values.ts).
  const idType = req.payload.db.defaultIDType
  if (query.id !== undefined && !isValidId(query.id, idType)) throw new RequestRefused(VALUE_MESSAGES.notFound, 404)
  const badWhere = whereRefusal(query.where, collection.flattenedFields, idType)
  if (badWhere) throw new RequestRefused(badWhere)
}

/** Puts the check first on every collection and global of a built config. */
export function applyQueryLimits(config: SanitizedConfig, env: NodeJS.ProcessEnv = process.env): SanitizedConfig {
  const limits = queryLimitsFrom(env, config.maxDepth)
  const collectionHook: CollectionBeforeOperationHook = (operation) => checkOperation(limits, operation)
  const globalHook: GlobalBeforeOperationHook = (operation) => checkOperation(limits, operation)
  for (const collection of config.collections) (collection.hooks.beforeOperation ??= []).unshift(collectionHook)
  for (const global of config.globals) (global.hooks.beforeOperation ??= []).unshift(globalHook)
  return config
}
