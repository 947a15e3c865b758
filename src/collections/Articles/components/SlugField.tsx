'use client'

/**
 * The slug with "Tạo lại từ tiêu đề": the slug is kept when the title changes (links must not
 * break), so before the first publication the reporter can fold it again from the new title.
 * Once published, the URL is out in the world and the button is gone.
 */
import type { TextFieldClientComponent } from 'payload'

import { Button, TextField, useDocumentInfo, useField, useFormFields } from '@payloadcms/ui'

import { slugify } from '../../../lib/slug'
import './articleAdmin.css'

export const SlugField: TextFieldClientComponent = (props) => {
  const { hasPublishedDoc } = useDocumentInfo()
  const { setValue, value } = useField<string>({ path: props.path })
  const title = useFormFields(([fields]) => fields.title?.value)
  const fresh = typeof title === 'string' ? slugify(title) : ''
  const readOnly = props.readOnly || props.field.admin?.readOnly
  return (
    <div className="article-slug">
      <TextField {...props} />
      {!hasPublishedDoc && !readOnly && (
        <Button
          buttonStyle="secondary"
          size="small"
          id="slug-from-title"
          disabled={!fresh || fresh === value}
          onClick={() => setValue(fresh)}
          margin={false}
        >
          Tạo lại từ tiêu đề
        </Button>
      )}
    </div>
  )
}
