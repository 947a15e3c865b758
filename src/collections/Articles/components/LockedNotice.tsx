'use client'

/**
 * Why a reporter cannot type into a published article: without it the fields are just grey.
 * Once live, edits and withdrawal are an editor's decision (src/access/articles.ts).
 */
import { Banner, useDocumentInfo } from '@payloadcms/ui'

import './articleAdmin.css'

export const LOCKED_REASON = 'Bài viết đã đăng. Chỉ biên tập viên được sửa.'

export function LockedNotice() {
  const { id, hasSavePermission, hasPublishedDoc } = useDocumentInfo()
  if (!id || hasSavePermission !== false || !hasPublishedDoc) return null
  return (
    <div className="article-locked" role="note">
      <Banner type="info">{LOCKED_REASON}</Banner>
    </div>
  )
}
