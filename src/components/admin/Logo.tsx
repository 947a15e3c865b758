/** The login page's logo: our emblem and the portal's name, as the Site settings spell it. */
import { getSite } from '../../lib/site'
import { Emblem } from './Emblem'

export const PORTAL_NAME_FALLBACK = 'Cổng thông tin'

// the portal's own cached read: every admin page shows the name, a Site save refreshes it
async function portalName(): Promise<string> {
  try {
    const site = await getSite('vi')
    return site.portalName || PORTAL_NAME_FALLBACK
  } catch {
    // before the first migration the table is missing: the login page still shows a name
    return PORTAL_NAME_FALLBACK
  }
}

export async function Logo() {
  const name = await portalName()
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
export async function NavBrand() {
  const name = await portalName()
  return (
    <div className="portal-nav-brand">
      <Emblem size={28} />
      <span>{name}</span>
    </div>
  )
}
