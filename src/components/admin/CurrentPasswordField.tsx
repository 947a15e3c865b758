'use client'

/** The current password, typed in a password input (never shown) on one's own account page. */
import type { TextFieldClientComponent } from 'payload'

import { PasswordField } from '@payloadcms/ui'

export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => (
  <PasswordField autoComplete="current-password" field={field} path={path ?? field.name} />
)
