import config from '@payload-config'
import '@payloadcms/next/css'
import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'

import { staffOnly } from '@/limits/graphql'

// Off unless GRAPHQL=on; then for logged-in staff only (src/limits/graphql.ts).
export const GET = staffOnly(config, GRAPHQL_PLAYGROUND_GET(config))
