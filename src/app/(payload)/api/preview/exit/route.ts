import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

/** GET /api/preview/exit?path=: back to the public, cached view. */
export async function GET(request: Request) {
  ;(await draftMode()).disable()
  const path = new URL(request.url).searchParams.get('path') ?? '/'
  redirect(path.startsWith('/') && !path.startsWith('//') ? path : '/')
}
