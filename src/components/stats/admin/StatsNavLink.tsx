'use client'

/** A link to the statistics view in the admin's navigation, for admins and editors. */
import { useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'

export function StatsNavLink() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { config } = useConfig()
  const pathname = usePathname()
  if (!user?.roles?.some((role) => role === 'admin' || role === 'editor')) return null
  const href = `${config.routes.admin}/thong-ke`
  return (
    <Link href={href} className="nav__link" id="nav-thong-ke" aria-current={pathname === href ? 'page' : undefined}>
      <span className="nav__link-label">Thống kê truy cập</span>
    </Link>
  )
}
