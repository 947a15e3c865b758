/**
 * The client's address. Our server (scripts/server.mjs) writes the socket's address into
 * CLIENT_IP_HEADER, replacing whatever a client sent; X-Forwarded-For is believed only when
 * TRUST_PROXY=true (the app sits behind a proxy that sets it).
 */
export const CLIENT_IP_HEADER = 'x-portal-client-ip'

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name]
    return Array.isArray(value) ? value[0] : value
  }
  if (process.env.TRUST_PROXY === 'true') {
    const forwarded = get('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return get(CLIENT_IP_HEADER) || 'unknown'
}
