import crypto from 'node:crypto'

/** A keyed hash (HMAC-SHA256, base64url): links equal inputs without revealing them. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return crypto.createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url')
}
