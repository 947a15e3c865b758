/**
 * The client's address. Our server (scripts/server.mjs) writes the socket's address into
 * CLIENT_IP_HEADER, replacing whatever a client sent; X-Forwarded-For is believed only when
 * TRUST_PROXY=true (the app sits behind a proxy that sets it).
 *
 * In production a request without that header did not come through our server (`next start`, or
 * Next's standalone output): every reader would share one address, so one rate limit for the
 * whole site, one voter. That is refused loudly (an error, logged once) rather than answered with
 * 'unknown'. Operations the portal runs on itself (a seed, an import, a job) ask with
 * `{ local: true }` and get 'unknown'.
 */
export const CLIENT_IP_HEADER = 'x-portal-client-ip'

export class MissingClientIpError extends Error {}

export const MISSING_CLIENT_IP =
  'Thiếu địa chỉ người đọc (x-portal-client-ip): ứng dụng phải chạy sau máy chủ của nó (npm start / npm run serve, scripts/server.mjs), không phải `next start`.'

let told = false

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, { local = false }: { local?: boolean } = {}): string {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name]
    return Array.isArray(value) ? value[0] : value
  }
  if (process.env.TRUST_PROXY === 'true') {
    const forwarded = get('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  const address = get(CLIENT_IP_HEADER)
  if (address) return address
  if (process.env.NODE_ENV === 'production' && !local) {
    if (!told) {
      told = true
      console.error(`✗ ${MISSING_CLIENT_IP}`)
    }
    throw new MissingClientIpError(MISSING_CLIENT_IP)
  }
  return 'unknown'
}
