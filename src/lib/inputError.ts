/**
 * Errors the database raises for a value a caller sent, not for a failure of its own: PostgreSQL's
 * data exceptions (SQLSTATE class 22: a NUL byte in text, a malformed number or date) and the
 * SQLite driver's refusal of NaN or undefined. They are the caller's mistake: a 400, logged as one
 * line. Checks made before the query (src/limits) catch what they know; this catches the rest.
 */
const SQLITE_INPUT = /Only finite numbers|cannot be passed as argument to the database/

export function isInputError(error: unknown): boolean {
  let current = error
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown }
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true
    if (typeof message === 'string' && SQLITE_INPUT.test(message)) return true
    current = cause
  }
  return false
}

export const INPUT_ERROR_MESSAGE = 'Dữ liệu gửi lên không hợp lệ.'
