'use client'

import { PayloadAdminBar } from '@payloadcms/admin-bar'
import { useState } from 'react'

import { clearEditorHint } from '../../lib/editorHint'
import { SessionPrompt } from './SessionPrompt'

type Props = { articleId?: number; preview?: boolean }

/** Payload's admin bar ("edit this article", preview exit) and the keep-alive prompt. */
export function EditorTools({ articleId, preview }: Props) {
  const [loggedIn, setLoggedIn] = useState(true)
  if (!loggedIn) return null
  return (
    <>
      <PayloadAdminBar
        cmsURL=""
        adminPath="/admin"
        apiPath="/api"
        collectionSlug={articleId ? 'articles' : undefined}
        id={articleId ? String(articleId) : undefined}
        collectionLabels={{ singular: 'bài viết', plural: 'bài viết' }}
        preview={preview}
        onPreviewExit={() => {
          window.location.href = `/api/preview/exit?path=${encodeURIComponent(window.location.pathname)}`
        }}
        onAuthChange={(user) => {
          // undefined while the bar is still asking; null once the server says "not logged in"
          if (user === null) {
            clearEditorHint()
            setLoggedIn(false)
          }
        }}
        className="admin-bar"
        divProps={{ 'aria-label': 'Thanh công cụ biên tập' }}
      />
      <SessionPrompt
        onLoggedOut={() => {
          clearEditorHint()
          setLoggedIn(false)
        }}
      />
    </>
  )
}
