/** A database's refusal of a value the caller sent is that caller's 400, not the server's 500. */
import type { AfterErrorHook } from 'payload'

import { INPUT_ERROR_MESSAGE, isInputError } from '../lib/inputError'

export const inputErrorsAre400: AfterErrorHook = ({ error }) =>
  isInputError(error) ? { status: 400, response: { errors: [{ message: INPUT_ERROR_MESSAGE }] } } : undefined
