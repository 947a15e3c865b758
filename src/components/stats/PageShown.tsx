'use client'

/**
 * On a page that runs Next's client runtime (an editor's; readers' pages come without it), tells
 * public/portal.js about each client-side navigation, so that the new page sends its own hit
 * and sets up its rating. The script's first call on load and this effect's may come in either
 * order; the script counts a path once.
 */
import { usePathname } from 'next/navigation'
import { useEffect } from 'react'

declare global {
  interface Window {
    cttdPortal?: { pageShown: () => void }
  }
}

export function PageShown() {
  const pathname = usePathname()
  useEffect(() => window.cttdPortal?.pageShown(), [pathname])
  return null
}
