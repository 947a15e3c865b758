import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { returnPath } from '@/lib/returnPath'

/** GET /api/preview/exit?path=: back to the public, cached view. */
export async function GET(request: Request) {
  ;(await draftMode()).disable()
  redirect(returnPath(new URL(request.url).searchParams.get('path')))
}
