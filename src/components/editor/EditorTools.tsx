'use client'

import { useCallback, useState } from 'react'

import { clearEditorHint } from '../../lib/editorHint'
import { AdminBar, type BarUser } from './AdminBar'
import { SessionPrompt } from './SessionPrompt'

type Props = { articleId?: number; preview?: boolean }

/** The admin bar ("Sửa bài viết", preview exit) and the keep-alive prompt. */
export function EditorTools({ articleId, preview }: Props) {
  const [loggedIn, setLoggedIn] = useState(true)
  const onAuthChange = useCallback((user: BarUser) => {
    // null once the server says "not logged in"
    if (user === null) {
      clearEditorHint()
      setLoggedIn(false)
    }
  }, [])
  if (!loggedIn) return null
  return (
    <>
      <AdminBar
        articleId={articleId}
        preview={preview}
        onPreviewExit={() => {
          window.location.href = `/api/preview/exit?path=${encodeURIComponent(window.location.pathname)}`
        }}
        onAuthChange={onAuthChange}
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
