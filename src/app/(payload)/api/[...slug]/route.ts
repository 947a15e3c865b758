import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { malformedMultipart } from '@/limits/body'

type Handler = ReturnType<typeof REST_POST>

/** Bodies Payload cannot parse are a 400 here, not a 500 from inside it (src/limits/body.ts). */
const readable =
  (handler: Handler): Handler =>
  async (request, context) => {
    const refusal = await malformedMultipart(request)
    if (refusal) return Response.json({ errors: [{ message: refusal }] }, { status: 400 })
    return handler(request, context)
  }

export const GET = REST_GET(config)
export const POST = readable(REST_POST(config))
export const DELETE = REST_DELETE(config)
export const PATCH = readable(REST_PATCH(config))
export const PUT = readable(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
