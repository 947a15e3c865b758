'use client'

/**
 * The editors' tools on public pages, loaded only in a browser that has logged in to the admin
 * (the `cttd_editor` hint cookie): readers download and run nothing of it, and the page stays cached.
 */
import dynamic from 'next/dynamic'
import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'

import { EDITOR_HINT_COOKIE } from '../../lib/editorHint'

const EditorTools = dynamic(() => import('./EditorTools').then((m) => m.EditorTools), { ssr: false })

type Found = { articleId?: number; preview: boolean }

/** Rendered once by the layout; the page tells which article it shows by data-article-id. */
export function EditorIsland() {
  const [found, setFound] = useState<Found | null>(null)
  // the layout, and this island with it, stays across client-side navigations: look again on each
  const pathname = usePathname()
  useEffect(() => {
    if (!document.cookie.split('; ').some((c) => c.startsWith(`${EDITOR_HINT_COOKIE}=`))) return
    const article = document.querySelector<HTMLElement>('[data-article-id]')
    setFound({
      articleId: article ? Number(article.dataset.articleId) : undefined,
      preview: Boolean(document.querySelector('[data-preview]')),
    })
  }, [pathname])
  return found ? <EditorTools {...found} /> : null
}
