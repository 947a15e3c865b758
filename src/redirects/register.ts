/**
 * Hands the redirects to the front server (scripts/redirects.mjs), as the hit recorder is handed
 * (src/stats/endpoints.ts): from the config's onInit, on globalThis, in the server's process.
 * The server asks for a version (every few seconds, and soon after a save in this process) and
 * reads every row again only when it changed: several instances on one database each see an
 * editor's change, whichever instance saved it, and so does an import run from the command line.
 */
import type { Payload } from 'payload'

export const REDIRECTS_HANDLE = Symbol.for('cttd.redirects')

export type RedirectsSource = {
  /** Changes whenever a row is added, edited or deleted: the count and the latest update. */
  version: () => Promise<string>
  /** Every row's old address and destination, oldest first, in pages of `batch`. */
  rows: (batch?: number) => AsyncGenerator<{ from: string; to: string }[]>
}

type Handle = { source?: RedirectsSource; changed?: () => void }
const handle = (): Handle => ((globalThis as Record<symbol, Handle>)[REDIRECTS_HANDLE] ??= {})

export function registerRedirects(payload: Payload): void {
  handle().source = {
    version: async () => {
      const [{ totalDocs }, latest] = await Promise.all([
        payload.count({ collection: 'redirects', overrideAccess: true }),
        payload.find({ collection: 'redirects', sort: '-updatedAt', limit: 1, depth: 0, pagination: false, select: { updatedAt: true }, overrideAccess: true }),
      ])
      return `${totalDocs}:${latest.docs[0]?.updatedAt ?? ''}`
    },
    rows: async function* (batch = 5000) {
      for (let page = 1; ; page += 1) {
        const { docs, hasNextPage } = await payload.find({
          collection: 'redirects',
          sort: 'id',
          limit: batch,
          page,
          depth: 0,
          select: { from: true, to: true },
          overrideAccess: true,
        })
        yield docs.map(({ from, to }) => ({ from, to }))
        if (!hasNextPage) return
      }
    },
  }
}

/** Tells this process's server a redirect changed (it reads the version again once the save has committed). */
export function redirectsChanged(): void {
  handle().changed?.()
}
