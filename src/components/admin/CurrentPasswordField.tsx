'use client'

/**
 * The current password, typed in a password input (never shown) on one's own account page.
 * Payload's password input would require a value on every save: the server asks for it only when
 * the e-mail or the password changes (src/security/credentials.ts).
 */
import type { TextFieldClientComponent } from 'payload'

import { FieldDescription, PasswordField } from '@payloadcms/ui'

const checkedOnTheServer = () => true as const

// Payload's password input leaves the field's description out: it is drawn here, below the input.
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => (
  <div className="current-password">
    <PasswordField autoComplete="current-password" field={field} path={path ?? field.name} validate={checkedOnTheServer} />
    <FieldDescription description={field.admin?.description} marginPlacement="top" path={path ?? field.name} />
  </div>
)
