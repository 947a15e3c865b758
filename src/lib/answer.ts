/**
 * The answer of our own endpoints: `{ message }` (with any extra fields) when it went well,
 * `{ errors: [{ message }] }` as Payload's refusals are shaped otherwise; never cached.
 */
export const answer = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  Response.json(status < 300 ? { message, ...extra } : { errors: [{ message }] }, { status, headers: { 'cache-control': 'no-store' } })
