/**
 * GraphQL on the portal. Neither the portal nor the admin uses it, so it is off unless GRAPHQL=on;
 * on, it answers logged-in staff only, and a query is refused before it runs when it may return more
 * than GRAPHQL_MAX_DOCUMENTS documents. The route files wrap Payload's handlers in these checks.
 */
import {
  type ArgumentNode,
  GraphQLBoolean,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  valueFromAST,
} from 'graphql'
import { type Config, getPayload, logError, type Payload, type SanitizedConfig } from 'payload'

import { hasRole, type Role } from '../access/roles'
import { MAX_LIMIT } from './queries'
import { RequestRefused } from './refused'

export const GRAPHQL_MESSAGES = {
  off: 'GraphQL đã tắt trên cổng này.',
  anonymous: 'Vui lòng đăng nhập để dùng GraphQL.',
  notStaff: 'GraphQL chỉ dành cho người của tòa soạn (quản trị, biên tập viên, phóng viên).',
  notJson: 'GraphQL chỉ nhận nội dung JSON (Content-Type: application/json).',
  notObject: 'Nội dung gửi lên phải là một đối tượng JSON.',
  fragmentCycle: (name: string) => `Truy vấn không hợp lệ: fragment ${name} gọi vòng lại chính nó.`,
  tooManyFields: (fields: number, max: number) => `Truy vấn quá phức tạp: ${fields} trường khi mở hết các fragment, tối đa ${max}.`,
  tooCostly: (documents: number, max: number) => `Truy vấn quá tốn kém: có thể trả về ${documents} tài liệu, tối đa ${max}.`,
  tooManyRootFields: (fields: number, max: number) =>
    `Truy vấn có ${fields} trường gốc, tối đa ${max}: mỗi trường gốc là một lần đọc hoặc ghi riêng.`,
} as const

const STAFF: Role[] = ['admin', 'editor', 'reporter']

/** A relationship's size is not known before it is read: a list of them counts as this many. */
export const UNKNOWN_LIST_SIZE = 10
/** Payload's page size when a list query gives no limit. */
const DEFAULT_LIMIT = 10
/** Payload's own default: each field counts 1, each relationship 10, summed over the query as written. */
const MAX_COMPLEXITY = 1000
/**
 * Each root field is a read or a write of its own, and each costs more than the one before: Payload's
 * resolvers wrap the request in one more proxy each (300 aliases of `Articles(limit: 1)`: 5.6 s,
 * 499: 23.5 s on SQLite).
 */
export const MAX_ROOT_FIELDS = 50

export type GraphQLSettings = { enabled: boolean; maxDocuments: number; maxComplexity: number }

/** The settings from the environment, with their defaults (README, Configuration and Limits). */
export function graphqlSettingsFrom(env: Record<string, string | undefined>): GraphQLSettings {
  const maxDocuments = Number(env.GRAPHQL_MAX_DOCUMENTS || 1000)
  return {
    enabled: env.GRAPHQL?.trim().toLowerCase() === 'on',
    maxDocuments: Number.isInteger(maxDocuments) && maxDocuments >= 1 ? maxDocuments : 1000,
    maxComplexity: MAX_COMPLEXITY,
  }
}

/**
 * The config's `graphQL`. Off, Payload's own handler answers 404 and its schema is never built;
 * the routes answer first anyway (staffGraphQL), reading the same variable.
 */
export function graphQLConfig(env: Record<string, string | undefined> = process.env): NonNullable<Config['graphQL']> {
  const settings = graphqlSettingsFrom(env)
  return {
    disable: !settings.enabled,
    disablePlaygroundInProduction: true,
    maxComplexity: settings.maxComplexity,
    validationRules: (args) => [documentBudget(settings.maxDocuments, args)],
  }
}

// ---------------------------------------------------------------------------------------------
// The routes

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>

const answer = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** Answers and logs a refusal as one INFO line, as Payload does for RequestRefused. */
function refuse(payload: Payload, status: number, message: string): Response {
  logError({ err: new RequestRefused(message, status), payload })
  return answer(status, message)
}

/** 404 while GraphQL is off, before anything else is looked at; otherwise the handler. */
export function whenGraphQLOn<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (request, ...rest) => {
    if (!graphqlSettingsFrom(process.env).enabled) return answer(404, GRAPHQL_MESSAGES.off)
    return handler(request, ...rest)
  }
}

/** 401 without a session, 403 for a session that is not the newsroom's, null for staff. */
async function staffRefusal(config: Promise<SanitizedConfig> | SanitizedConfig, request: Request) {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) return { payload, refusal: refuse(payload, 401, GRAPHQL_MESSAGES.anonymous) }
  if (!hasRole(user, ...STAFF)) return { payload, refusal: refuse(payload, 403, GRAPHQL_MESSAGES.notStaff) }
  return { payload, refusal: null }
}

/** A page (the playground) for logged-in staff only, while GraphQL is on. */
export function staffOnly<A extends unknown[]>(config: Promise<SanitizedConfig> | SanitizedConfig, handler: Handler<A>): Handler<A> {
  return whenGraphQLOn(async (request, ...rest: A) => {
    const { refusal } = await staffRefusal(config, request)
    return refusal ?? handler(request, ...rest)
  })
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json'

/**
 * POST /api/graphql: off → 404; strangers → 401, others → 403; then the body must be a JSON object
 * (Payload answered malformed JSON with 500), and the query's shape must be safe for Payload's
 * complexity count (shapeRefusal) before Payload's handler gets it. Payload's handler is asked for
 * `application/graphql-response+json`, with which graphql-http answers a query refused in
 * validation (the document budget) with 400 rather than 200; the body is the same JSON, sent as
 * application/json.
 */
export function staffGraphQL(config: Promise<SanitizedConfig> | SanitizedConfig, handler: Handler<[]>): Handler<[]> {
  return whenGraphQLOn(async (request) => {
    const { payload, refusal } = await staffRefusal(config, request)
    if (refusal) return refusal
    const [mediaType] = (request.headers.get('content-type') ?? '').split(';', 1)
    if (mediaType!.trim().toLowerCase() !== 'application/json') return refuse(payload, 415, GRAPHQL_MESSAGES.notJson)
    const text = await request.text()
    const body = parseJson(text)
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse(payload, 400, GRAPHQL_MESSAGES.notObject)
    const shape = shapeRefusal((body as { query?: unknown }).query, payload.config.graphQL.maxComplexity ?? MAX_COMPLEXITY)
    if (shape) return refuse(payload, 400, shape)

    const headers = new Headers(request.headers)
    headers.set('accept', GRAPHQL_RESPONSE)
    headers.delete('content-length')
    const response = await handler(new Request(request.url, { method: 'POST', headers, body: text }))
    const responseHeaders = new Headers(response.headers)
    if (responseHeaders.get('content-type')?.startsWith(GRAPHQL_RESPONSE)) responseHeaders.set('content-type', 'application/json; charset=utf-8')
    return new Response(response.body, { status: response.status, headers: responseHeaders })
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------------
// The query's shape, as written: no schema needed.

export type Shape = {
  /** A fragment that spreads itself, directly or through others. */
  cycle: string | null
  /** Fields once every fragment is expanded (the largest operation's). */
  fields: number
  /** Fields of the root once fragments are expanded: each is a read or a write of its own. */
  rootFields: number
}

/** Each fragment is counted once however often it is spread: linear in the text. */
export function shapeOf(document: DocumentNode): Shape {
  const fragments = fragmentsOf(document)
  const counted = new Map<string, { fields: number; rootFields: number }>()
  const open = new Set<string>()
  let cycle: string | null = null

  const countIn = (selectionSet: SelectionSetNode) => {
    let fields = 0
    let rootFields = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        fields += 1 + (selection.selectionSet ? countIn(selection.selectionSet).fields : 0)
        rootFields += 1
        continue
      }
      const inner = selection.kind === Kind.INLINE_FRAGMENT ? countIn(selection.selectionSet) : countOfFragment(selection.name.value)
      fields += inner.fields
      rootFields += inner.rootFields
    }
    return { fields, rootFields }
  }
  const countOfFragment = (name: string) => {
    const known = counted.get(name)
    if (known) return known
    const fragment = fragments.get(name)
    if (!fragment || open.has(name)) {
      if (fragment) cycle ??= name
      return { fields: 0, rootFields: 0 }
    }
    open.add(name)
    const count = countIn(fragment.selectionSet)
    open.delete(name)
    counted.set(name, count)
    return count
  }

  const shape: Shape = { cycle: null, fields: 0, rootFields: 0 }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const count = countIn(definition.selectionSet)
      shape.fields = Math.max(shape.fields, count.fields)
      shape.rootFields = Math.max(shape.rootFields, count.rootFields)
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) countOfFragment(definition.name.value)
  }
  return { ...shape, cycle, fields: shown(shape.fields), rootFields: shown(shape.rootFields) }
}

/**
 * Why a query is refused before Payload's handler sees it, or null (text that does not parse is
 * left to graphql-http). Payload's complexity count follows fragment spreads with neither a guard
 * against cycles (a stack overflow: 500) nor memory of what it counted (a fragment spreading the
 * next twice, 24 deep, held the event loop for minutes), and it runs beside graphql's own rules,
 * not after them: such a query must not reach it.
 */
export function shapeRefusal(query: unknown, maxFields: number): string | null {
  if (typeof query !== 'string') return null
  let document: DocumentNode
  try {
    document = parse(query, { noLocation: true })
  } catch {
    return null
  }
  const { cycle, fields } = shapeOf(document)
  if (cycle) return GRAPHQL_MESSAGES.fragmentCycle(cycle)
  return fields > maxFields ? GRAPHQL_MESSAGES.tooManyFields(fields, maxFields) : null
}

const fragmentsOf = (document: DocumentNode) =>
  new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  )

/** Counts past any real query are shown as the largest exact number. */
const shown = (count: number) => Math.min(count, Number.MAX_SAFE_INTEGER)

// ---------------------------------------------------------------------------------------------
// The document budget

type FieldExtensions = { field?: { type?: string; defaultLimit?: number } }

/**
 * How many documents the operations of a query may return, at most (the largest operation's):
 * - a list query (a field with a `limit`: Payload's `Articles`, `versionsArticles`, joins) returns
 *   its limit, 10 when none is given, and a whole collection (`limit: 0`, `pagination: false`, or a
 *   limit that is not a positive whole number) counts as MAX_LIMIT;
 * - a relationship or upload returns one document, a list of them UNKNOWN_LIST_SIZE;
 * - any other field of the root (`Article(id:)`, `createArticle`, a global) returns one;
 * - what a field selects is counted once for each thing it returns: nesting multiplies (a list's
 *   own `docs` is its documents, counted once), other lists (arrays, blocks) hold
 *   UNKNOWN_LIST_SIZE rows each;
 * - each alias and each spread of a fragment counts again; @skip and @include are ignored.
 * Limits are read from the query, its variables and their defaults.
 */
export function documentsOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): number {
  const fragments = fragmentsOf(document)
  const roots = new Set<GraphQLNamedType | null | undefined>([schema.getQueryType(), schema.getMutationType()])
  let most = 0
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue
    const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : null
    if (!root) continue
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 })
    // Variables that do not fit their types: the query will not run, whatever it asks.
    const values = coerced.coerced ?? {}
    const perFragment = new Map<string, number>()
    const open = new Set<string>()

    const pageSize = (field: GraphQLField<unknown, unknown>, given: readonly ArgumentNode[]) => {
      const argument = (name: string) => given.find((arg) => arg.name.value === name)
      const pagination = argument('pagination')
      if (pagination && valueFromAST(pagination.value, GraphQLBoolean, values) === false) return MAX_LIMIT
      const limit = argument('limit')
      const value = limit ? valueFromAST(limit.value, field.args.find((arg) => arg.name === 'limit')!.type, values) : undefined
      if (value === undefined) return (field.extensions as FieldExtensions).field?.defaultLimit ?? DEFAULT_LIMIT
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : MAX_LIMIT
    }

    const documentsIn = (selectionSet: SelectionSetNode, parent: GraphQLNamedType): number => {
      let documents = 0
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent
          if (type) documents += documentsIn(selection.selectionSet, type)
          continue
        }
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          documents += documentsOfFragment(selection.name.value)
          continue
        }
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue
        const field = parent.getFields()[selection.name.value]
        if (!field) continue // an unknown field or __typename: other rules answer it
        const type = getNamedType(field.type)
        const inner = selection.selectionSet && isCompositeType(type) ? documentsIn(selection.selectionSet, type) : 0
        const kind = (field.extensions as FieldExtensions).field?.type
        const isList = isListType(getNullableType(field.type))
        let returned: number
        if (field.args.some((arg) => arg.name === 'limit')) returned = pageSize(field, selection.arguments ?? [])
        else if (kind === 'relationship' || kind === 'upload') returned = isList ? UNKNOWN_LIST_SIZE : 1
        else if (roots.has(parent) && isCompositeType(type)) returned = 1
        else {
          // not documents of their own: the rows of a list, or the page's `docs` (counted by its limit)
          const rows = isList && !(field.name === 'docs' && 'totalDocs' in parent.getFields()) ? UNKNOWN_LIST_SIZE : 1
          documents += rows * inner
          continue
        }
        documents += returned + returned * inner
      }
      return documents
    }

    const documentsOfFragment = (name: string): number => {
      const known = perFragment.get(name)
      if (known !== undefined) return known
      const fragment = fragments.get(name)
      const type = fragment && schema.getType(fragment.typeCondition.name.value)
      // A cycle is refused before (shapeRefusal) and by graphql's own rules; it is never followed here.
      if (!fragment || !type || open.has(name)) return 0
      open.add(name)
      const documents = documentsIn(fragment.selectionSet, type)
      open.delete(name)
      perFragment.set(name, documents)
      return documents
    }

    most = Math.max(most, documentsIn(operation.selectionSet, root))
  }
  return shown(most)
}

/**
 * The validation rule: a query that may return more than `maxDocuments` documents, or that has
 * more than MAX_ROOT_FIELDS fields at its root, is refused before it runs, logged as one INFO line.
 * It is counted once, on the document, with the request's variables.
 */
export function documentBudget(maxDocuments: number, args: Pick<ExecutionArgs, 'variableValues' | 'contextValue'>): ValidationRule {
  const payload = (args.contextValue as { req?: { payload?: Payload } } | undefined)?.req?.payload
  return (validation) => ({
    Document(document) {
      const documents = documentsOf(validation.getSchema(), document, args.variableValues ?? {})
      const { rootFields } = shapeOf(document)
      const message =
        documents > maxDocuments
          ? GRAPHQL_MESSAGES.tooCostly(documents, maxDocuments)
          : rootFields > MAX_ROOT_FIELDS
            ? GRAPHQL_MESSAGES.tooManyRootFields(rootFields, MAX_ROOT_FIELDS)
            : null
      if (!message) return
      if (payload) logError({ err: new RequestRefused(message), payload })
      validation.reportError(new GraphQLError(message))
    },
  })
}
