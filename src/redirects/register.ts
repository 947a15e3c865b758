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
        payload.db.count({ collection: 'redirects' }),
        payload.db.find<{ id: number; updatedAt: string }>({ collection: 'redirects', sort: '-updatedAt', limit: 1, pagination: false, select: { updatedAt: true } }),
      ])
      return `${totalDocs}:${latest.docs[0]?.updatedAt ?? ''}`
    },
    // The adapter's own find (Payload's, with every field's read hooks, took 1.1 s of the server for
    // 30,000 rows), by id, a page after the last one (no OFFSET to scan past, no count): on SQLite a
    // query holds the event loop while it runs, so each must be short (measured: see README)
    rows: async function* (batch = 1000) {
      let after = 0
      for (;;) {
        const { docs } = await payload.db.find<{ id: number; from: string; to: string }>({
          collection: 'redirects',
          where: { id: { greater_than: after } },
          sort: 'id',
          limit: batch,
          pagination: false,
          select: { id: true, from: true, to: true },
        })
        yield docs.map(({ from, to }) => ({ from, to }))
        if (docs.length < batch) return
        after = docs[docs.length - 1].id
        await new Promise((resolve) => setImmediate(resolve))
      }
    },
  }
}

/** Tells this process's server a redirect changed (it reads the version again once the save has committed). */
export function redirectsChanged(): void {
  handle().changed?.()
}
