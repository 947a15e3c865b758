/**
 * The key Payload signs sessions with (its secret, hashed as Payload does), handed to our server
 * when Payload starts: scripts/throttle.mjs tells staff from strangers by a valid signature
 * without a database read.
 */
import type { Payload } from 'payload'

export const SESSION_KEY_HANDLE = Symbol.for('cttd.sessionKey')

export function registerSessionKey(payload: Payload): void {
  ;(globalThis as Record<symbol, string>)[SESSION_KEY_HANDLE] = payload.secret
}
