'use client'

/**
 * The editors' bar on portal pages: who is logged in, "Sửa bài viết", "Thêm bài viết", "Trang
 * quản trị", "Đăng xuất". Our own rather than @payloadcms/admin-bar, whose labels are English
 * ("Edit …", "New …", "Logout"), whose links open new tabs and which is fixed over the header.
 * It sits in the page's flow above the header (moved to the top of <body>) and wraps on a phone.
 */
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'

export type BarUser = { id: number | string; email: string } | null

type Props = {
  articleId?: number
  preview?: boolean
  onPreviewExit: () => void
  /** null once the server says the session is gone */
  onAuthChange: (user: BarUser) => void
}

const ADMIN = '/admin'

export function AdminBar({ articleId, preview, onPreviewExit, onAuthChange }: Props) {
  const [user, setUser] = useState<BarUser | undefined>(undefined)
  const [slot, setSlot] = useState<HTMLElement | null>(null)

  useEffect(() => {
    let cancelled = false
    fetch('/api/users/me', { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { user?: BarUser }) => {
        if (!cancelled) setUser(body.user ?? null)
      })
      .catch(() => undefined) // offline: no bar, and no claim that the session ended
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(() => {
    if (user !== undefined) onAuthChange(user)
  }, [user, onAuthChange])

  // The island renders at the end of <body>; the bar belongs just before the header (after the
  // skip link, which stays the first thing a keyboard reaches).
  useEffect(() => {
    const element = document.createElement('div')
    const header = document.querySelector('.site-header')
    if (header) header.before(element)
    else document.body.prepend(element)
    setSlot(element)
    return () => element.remove()
  }, [])

  if (!user || !slot) return null
  return createPortal(
    <nav className="admin-bar" aria-label="Thanh công cụ biên tập">
      <a className="admin-bar__user" href={`${ADMIN}/account`} title="Tài khoản của bạn">
        {user.email}
      </a>
      <span className="admin-bar__actions">
        {articleId ? <a href={`${ADMIN}/collections/articles/${articleId}`}>Sửa bài viết</a> : null}
        <a href={`${ADMIN}/collections/articles/create`}>Thêm bài viết</a>
        {preview ? (
          <button type="button" onClick={onPreviewExit}>
            Thoát xem trước
          </button>
        ) : null}
        <a href={ADMIN}>Trang quản trị</a>
        <a href={`${ADMIN}/logout`}>Đăng xuất</a>
      </span>
    </nav>,
    slot,
  )
}
