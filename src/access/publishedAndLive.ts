import type { Where } from 'payload'

/**
 * What the public may see of a drafted, expiring collection: published and not yet expired.
 * `now` is read at query time, so an article leaves the portal the moment it expires.
 */
export function publishedAndLive(now: Date = new Date()): Where {
  return {
    and: [
      { _status: { equals: 'published' } },
      { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now.toISOString() } }] },
    ],
  }
}
