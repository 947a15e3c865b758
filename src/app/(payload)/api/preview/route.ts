/**
 * GET /api/preview?slug=&locale=: a newsroom member sees an article as the portal will show it,
 * drafts included (Next's draft mode: that browser bypasses the page cache). Anyone else: 403.
 */
import config from '@payload-config'
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { hasRole } from '@/access/roles'
import { isLocale, localePath } from '@/lib/locale'
import { isValidSlug } from '@/lib/slug'

export async function GET(request: Request) {
  const url = new URL(request.url)
  const slug = url.searchParams.get('slug') ?? ''
  const locale = url.searchParams.get('locale') ?? 'vi'
  if (!isValidSlug(slug) || !isLocale(locale)) {
    return Response.json({ errors: [{ message: 'Đường dẫn xem trước không hợp lệ.' }] }, { status: 400 })
  }
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!hasRole(user, 'admin', 'editor', 'reporter')) {
    return Response.json({ errors: [{ message: 'Vui lòng đăng nhập trang quản trị để xem trước.' }] }, { status: 403 })
  }
  ;(await draftMode()).enable()
  redirect(localePath(locale, `/bai-viet/${slug}`))
}
