import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The app's one Payload instance (getPayload caches it per process). */
export function getPayloadClient(): Promise<Payload> {
  return getPayload({ config })
}
