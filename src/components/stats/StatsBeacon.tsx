'use client'

/**
 * Sends one page-view hit per page shown, client-side navigations included, and hands the
 * answer's live numbers to the counter block and the article's view count. No cookie is sent
 * or set. Draft previews and the 404 page are not page views.
 */
import { usePathname } from 'next/navigation'
import { useEffect, useRef } from 'react'

import { LIVE_EVENT, type LiveStats } from './live'

export function StatsBeacon() {
  const pathname = usePathname()
  const previous = useRef<string | null>(null)

  useEffect(() => {
    const path = window.location.pathname
    if (previous.current === path) return // React may run an effect twice in development
    const referrer = previous.current === null ? document.referrer : window.location.origin + previous.current
    previous.current = path
    if (document.querySelector('[data-preview], [data-not-found]')) return
    const articleId = Number(document.querySelector('[data-article-id]')?.getAttribute('data-article-id'))
    const body = JSON.stringify({
      path,
      article: Number.isSafeInteger(articleId) && articleId > 0 ? articleId : null,
      referrer: /^https?:/.test(referrer) ? referrer.slice(0, 1024) : null,
      screen: Math.min(20000, Math.max(0, Math.round(window.screen?.width ?? 0))),
      webdriver: navigator.webdriver === true,
    })
    fetch('/api/stats/hit', { method: 'POST', credentials: 'omit', keepalive: true, headers: { 'content-type': 'application/json' }, body })
      .then((response) => (response.ok ? (response.json() as Promise<LiveStats>) : null))
      .then((stats) => {
        if (stats) window.dispatchEvent(new CustomEvent(LIVE_EVENT, { detail: stats }))
      })
      .catch(() => {})
  }, [pathname])

  return null
}
