/**
 * Multipart bodies Payload cannot read. The admin saves every document as multipart (its data in a
 * `_payload` field), so multipart is allowed everywhere; but a malformed one ("Unexpected end of
 * form" from the parser) or a `_payload` that is not JSON was a 500 with a stack in the log, on
 * login as on any collection. The body is read once more here (it is at most MAX_BODY_KB, or
 * MAX_UPLOAD_MB for images: the front door saw to it) and refused with 400 when it does not parse.
 */
export const BODY_MESSAGES = {
  form: 'Dữ liệu biểu mẫu (multipart) không hợp lệ.',
  payload: 'Trường _payload phải là một đối tượng JSON.',
} as const

export async function malformedMultipart(request: Request): Promise<string | null> {
  if (!['POST', 'PATCH', 'PUT'].includes(request.method) || !request.body) return null
  if (!/^multipart\//i.test(request.headers.get('content-type') ?? '')) return null
  let form: FormData
  try {
    form = await request.clone().formData()
  } catch {
    return BODY_MESSAGES.form
  }
  const data = form.get('_payload')
  if (data === null) return null
  try {
    const parsed: unknown = typeof data === 'string' ? JSON.parse(data) : null
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? null : BODY_MESSAGES.payload
  } catch {
    return BODY_MESSAGES.payload
  }
}

/**
 * A request's body as text, read no further than `limit` bytes: null when it is longer (by its
 * Content-Length, or as soon as the bytes read pass the limit; the rest is never read). The
 * endpoints whose bodies are small (a vote, a hit) stop here instead of at the front door's cap.
 */
export async function textUpTo(request: { headers: Headers; body?: ReadableStream<Uint8Array> | null }, limit: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') || 0) > limit) return null
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
