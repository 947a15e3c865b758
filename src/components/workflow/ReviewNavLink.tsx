/** "Chờ duyệt (N)" at the top of the admin's navigation, for editors and admins. */
import Link from 'next/link'
import type { Payload, TypedUser } from 'payload'

import { hasRole } from '../../access/roles'
import { countSubmitted } from '../../workflow/queue'

export async function ReviewNavLink({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  if (!hasRole(user as Parameters<typeof hasRole>[0], 'admin', 'editor')) return null
  const count = await countSubmitted(payload)
  return (
    <Link href={`${payload.config.routes.admin}/cho-duyet`} className="nav__link" id="nav-cho-duyet">
      <span className="nav__link-label">Chờ duyệt ({count})</span>
    </Link>
  )
}
