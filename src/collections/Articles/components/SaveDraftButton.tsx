'use client'

/**
 * "Lưu nháp": saves the draft now instead of waiting for autosave, for everyone who may edit the
 * article. Payload's own button does the same under its generic "Lưu bản nháp" label.
 */
import { FormSubmit, useConfig, useDocumentInfo, useForm, useFormModified, useLocale } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

export function SaveDraftButton() {
  const { id, collectionSlug, hasPublishPermission, setUnpublishedVersionCount, uploadStatus } = useDocumentInfo()
  const { submit } = useForm()
  const modified = useFormModified()
  const { code: locale } = useLocale()
  const { config } = useConfig()
  const disabled = (Boolean(id) && !modified) || uploadStatus === 'uploading'

  const save = async () => {
    if (disabled) return
    const params = new URLSearchParams({ draft: 'true', depth: '0', 'fallback-locale': 'null', locale })
    const path = `${config.routes.api}/${collectionSlug}${id ? `/${id}` : ''}`
    const result = await submit({
      action: `${config.serverURL ?? ''}${path}?${params}`,
      method: id ? 'PATCH' : 'POST',
      overrides: { _status: 'draft' },
      skipValidation: true,
    })
    if (result?.res?.ok) setUnpublishedVersionCount((count) => count + 1)
  }

  // Ctrl+S / ⌘S saves the draft; for editors Payload's publish button already does.
  const saveRef = useRef(save)
  saveRef.current = save
  useEffect(() => {
    if (hasPublishPermission) return
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault()
        void saveRef.current()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [hasPublishPermission])

  return (
    <FormSubmit
      buttonId="action-save-draft"
      buttonStyle="secondary"
      className="save-draft"
      disabled={disabled}
      onClick={() => void save()}
      size="medium"
      type="button"
    >
      Lưu nháp
    </FormSubmit>
  )
}
