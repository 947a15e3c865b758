'use client'

/** A link to the Sao lưu view in the admin's navigation, for admins only. */
import { useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'

export function BackupNavLink() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { config } = useConfig()
  const pathname = usePathname()
  if (!user?.roles?.includes('admin')) return null
  const href = `${config.routes.admin}/sao-luu`
  return (
    <Link href={href} className="nav__link" id="nav-sao-luu" aria-current={pathname === href ? 'page' : undefined}>
      <span className="nav__link-label">Sao lưu</span>
    </Link>
  )
}
