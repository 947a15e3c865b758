/**
 * The client's address. Our server (scripts/server.mjs) writes the socket's address into
 * CLIENT_IP_HEADER, replacing whatever a client sent; X-Forwarded-For is believed only when
 * TRUST_PROXY=true (the app sits behind a proxy that sets it).
 */
export const CLIENT_IP_HEADER = 'x-portal-client-ip'

export function clientIp(headers: Headers): string {
  if (process.env.TRUST_PROXY === 'true') {
    const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return headers.get(CLIENT_IP_HEADER) || 'unknown'
}
