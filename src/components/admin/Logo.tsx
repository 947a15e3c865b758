/** The login page's logo: our emblem and the portal's name, as the Site settings spell it. */
import type { Payload } from 'payload'

import { Emblem } from './Emblem'

export const PORTAL_NAME_FALLBACK = 'Cổng thông tin'

async function portalName(payload?: Payload): Promise<string> {
  try {
    const site = await payload?.findGlobal({ slug: 'site', locale: 'vi', depth: 0 })
    return site?.portalName || PORTAL_NAME_FALLBACK
  } catch {
    // before the first migration the table is missing: the login page still shows a name
    return PORTAL_NAME_FALLBACK
  }
}

export async function Logo({ payload }: { payload?: Payload }) {
  const name = await portalName(payload)
  return (
    <div className="portal-logo">
      <Emblem size={56} />
      <span className="portal-logo__text">
        <span className="portal-logo__name">{name}</span>
        <span className="portal-logo__role">Trang quản trị</span>
      </span>
    </div>
  )
}

/** The small mark of the admin's header (top left, the link to the dashboard). */
export function Icon() {
  return (
    <span className="portal-icon" title={PORTAL_NAME_FALLBACK}>
      <Emblem size={22} />
    </span>
  )
}

/** The navigation's first entry: our emblem and name above the menu. */
export async function NavBrand({ payload }: { payload?: Payload }) {
  const name = await portalName(payload)
  return (
    <div className="portal-nav-brand">
      <Emblem size={28} />
      <span>{name}</span>
    </div>
  )
}
