'use client'

/**
 * The edit page's publishing controls in the newsroom's words: "Đăng bài" and, once the article
 * is live, a visible "Gỡ bài" beside it (Payload hides unpublishing in the "⋮" menu as "Ẩn tài
 * liệu"). Both are Payload's own buttons, so they are offered only to those allowed to publish.
 */
import { PublishButton, UnpublishButton, useDocumentInfo, useModal } from '@payloadcms/ui'
import { useEffect } from 'react'

import './articleAdmin.css'

/**
 * Payload's schedule drawer preselects "unpublish" whenever no newer draft is counted, which is
 * also the case for a draft never published. Choosing "publish" for it is what the editor wants.
 */
function usePublishPreselected() {
  const { id, hasPublishedDoc } = useDocumentInfo()
  const { isModalOpen } = useModal()
  const drawerOpen = isModalOpen(`schedule-publish-${id}`)
  useEffect(() => {
    if (!drawerOpen || hasPublishedDoc) return
    let frame = 0
    let tries = 0
    // The drawer's content mounts in a portal a moment after it is opened.
    const choosePublish = () => {
      const radio = document.getElementById(`field-schedule-publish-${id}-type-publish`) as HTMLInputElement | null
      if (radio) {
        if (!radio.checked) radio.click()
      } else if (tries++ < 60) frame = requestAnimationFrame(choosePublish)
    }
    choosePublish()
    return () => cancelAnimationFrame(frame)
  }, [drawerOpen, hasPublishedDoc, id])
}

export function PublishControls() {
  const { hasPublishedDoc } = useDocumentInfo()
  usePublishPreselected()
  return (
    <>
      <div className="article-unpublish">
        <UnpublishButton label="Gỡ bài" />
      </div>
      <PublishButton label={hasPublishedDoc ? 'Đăng bản sửa' : 'Đăng bài'} />
    </>
  )
}

/** The "⋮" menu no longer repeats "Gỡ bài": it stands beside "Đăng bài". */
export function NoUnpublishInMenu() {
  return null
}
