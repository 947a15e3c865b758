import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { staffGraphQL, whenGraphQLOn } from '@/limits/graphql'

// Off unless GRAPHQL=on; then for logged-in staff only (src/limits/graphql.ts).
export const POST = staffGraphQL(config, GRAPHQL_POST(config))
export const OPTIONS = whenGraphQLOn(REST_OPTIONS(config))
