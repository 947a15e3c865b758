'use client'

/**
 * Nothing typed is lost: autosave waits 2 s after the last keystroke, so a click that leaves the
 * edit page sooner would drop what was typed. A link click while changes are pending saves them
 * first, then goes; closing or reloading the tab asks the browser to warn. A new article that was
 * left without any input is removed again: Payload creates it as soon as "Tạo mới" is clicked.
 */
import { useConfig, useDocumentInfo, useForm, useFormModified, useLocale, useRouteTransition } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useRef } from 'react'

export const UNSAVED_WARNING = 'Bạn có thay đổi chưa lưu'

/** The link a click leaves the page by, or null when it stays (same page, new tab, download). */
function leavingLink(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return null
  }
  const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
  if (!anchor || anchor.target === '_blank' || anchor.hasAttribute('download')) return null
  const next = new URL(anchor.href, window.location.href)
  const here = new URL(window.location.href)
  if (next.origin !== here.origin) return null
  if (next.pathname === here.pathname && next.search === here.search) return null
  return next.pathname + next.search + next.hash
}

export function SaveBeforeLeaving() {
  const { id, collectionSlug, initialData, hasPublishedDoc } = useDocumentInfo()
  const { submit } = useForm()
  const modified = useFormModified()
  const { code: locale } = useLocale()
  const { config } = useConfig()
  const router = useRouter()
  const { startRouteTransition } = useRouteTransition()

  const modifiedRef = useRef(modified)
  modifiedRef.current = modified
  // Ever typed into during this visit: then the article is the reporter's, never removed here.
  const touchedRef = useRef(false)
  if (modified) touchedRef.current = true

  const api = `${config.serverURL ?? ''}${config.routes.api}/${collectionSlug}/${id}`
  // Payload made this article on "Tạo mới" and nothing has been typed into it yet.
  const untitledNew = Boolean(id) && !hasPublishedDoc && !(initialData as { title?: string } | undefined)?.title

  useEffect(() => {
    if (!id) return
    let saving = false
    // The server checks again that the article is untouched before it removes it.
    const abandonable = () => untitledNew && !touchedRef.current
    const go = (href: string) => startRouteTransition(() => router.push(href))
    const onClick = (event: MouseEvent) => {
      const href = leavingLink(event)
      if (!href || (!modifiedRef.current && !abandonable())) return
      event.preventDefault()
      event.stopPropagation()
      if (saving) return
      saving = true
      if (!modifiedRef.current) {
        // Removed before the next page loads, so that a list never shows it.
        void fetch(`${api}/abandon`, { method: 'POST', credentials: 'include', keepalive: true })
          .catch(() => undefined)
          .finally(() => go(href))
        return
      }
      void (async () => {
        const params = new URLSearchParams({ draft: 'true', autosave: 'true', depth: '0', 'fallback-locale': 'null', locale })
        const result = await submit({
          action: `${api}?${params}`,
          method: 'PATCH',
          overrides: { _status: 'draft' },
          skipValidation: true,
          disableSuccessStatus: true,
        })
        saving = false
        // A failed save keeps the editor here: Payload's toast says why.
        if (result?.res?.ok) go(href)
      })()
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!modifiedRef.current) return
      event.preventDefault()
      event.returnValue = UNSAVED_WARNING
      return UNSAVED_WARNING
    }
    // Closing the tab: a beacon still reaches the server after the page is gone.
    const onPageHide = () => {
      if (abandonable()) navigator.sendBeacon(`${api}/abandon`)
    }
    // Capture phase: ahead of Next's <Link> handlers, as Payload's own leave-without-saving guard.
    document.addEventListener('click', onClick, true)
    window.addEventListener('beforeunload', onBeforeUnload)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      document.removeEventListener('click', onClick, true)
      window.removeEventListener('beforeunload', onBeforeUnload)
      window.removeEventListener('pagehide', onPageHide)
    }
  }, [id, api, locale, submit, router, startRouteTransition, untitledNew])

  // Leaving by other means (the browser's back button): the same removal, once the page is gone.
  const abandonRef = useRef(() => {})
  abandonRef.current = () => {
    if (untitledNew && !touchedRef.current) navigator.sendBeacon(`${api}/abandon`)
  }
  useEffect(() => () => abandonRef.current(), [])

  return null
}
