/**
 * Next's page and data cache, kept in this process's memory instead of files under .next.
 * Files would outlive the process: a restart on another database (a restore, a test run, a
 * fresh `npm start`) would serve pages rendered from the old one. Entries carry their cache tags;
 * a revalidated tag expires every entry that holds it, as Next's file cache does.
 *
 * The memory is bounded in bytes, least recently used first out: PAGE_CACHE_MAX_MB (default 64)
 * for pages and reads, and PAGE_CACHE_NOT_FOUND_MB (default 4) for not-found pages apart, so that
 * a scanner asking for random addresses fills only the latter and never pushes out the pages
 * readers ask for. An entry larger than its whole bound is not kept.
 *
 * Several instances (REDIS_URL set): a revalidation is published on a Redis channel and every
 * instance expires the tag in its own memory, so a page published through one instance is fresh
 * on all of them within milliseconds.
 */
const { types } = require('node:util')
const { LRUCache } = require('lru-cache')

// An entry is stored when its render ends, but its data was read when the render began: a render
// that straddles a revalidation would pass for fresh. Entries stored within this window after a
// revalidation of one of their tags are not trusted (the next request renders again).
const RENDER_WINDOW_MS = 5000

/** A setting in megabytes, as bytes; 0 keeps nothing (every entry is larger than 1 byte). */
function megabytes(name, fallback) {
  const value = Number(process.env[name] || fallback)
  return Math.max(1, Math.floor((Number.isFinite(value) ? value : fallback) * 1024 * 1024))
}

// What an entry costs besides its content: the entry, its key's slot, the cache's own bookkeeping.
const ENTRY_OVERHEAD = 512
const MAX_DEPTH = 8
const MAX_NODES = 10_000

/**
 * About the bytes an entry holds: strings at two bytes a character (V8 keeps text with Vietnamese
 * letters that way), buffers at their length, walked through objects, arrays and maps (Next's
 * segmentData) to a bounded depth and number of parts, so that sizing never costs more than a
 * render.
 */
function sizeOf(entry, key) {
  let bytes = ENTRY_OVERHEAD + String(key).length * 2
  let nodes = 0
  const visit = (node, depth) => {
    if (++nodes > MAX_NODES) return
    if (typeof node === 'string') bytes += node.length * 2
    else if (ArrayBuffer.isView(node) || types.isAnyArrayBuffer(node)) bytes += node.byteLength
    else if (node === null || typeof node !== 'object') bytes += 8
    else if (depth < MAX_DEPTH) {
      bytes += 16
      const parts = types.isMap(node) || types.isSet(node) || Array.isArray(node) ? node : Object.values(node)
      for (const part of parts) visit(part, depth + 1)
    }
  }
  visit(entry, 0)
  return Math.ceil(bytes)
}

const bounded = (maxSize) => new LRUCache({ maxSize, sizeCalculation: sizeOf })

/**
 * One memory per process, whichever copy of this file asks: Next loads it more than once (the
 * proxy's bundle carries a copy of its own), and the copy that last set the revalidation hook for
 * jobs (below) held a tag list no page was served from, so a scheduled publish or an expiry
 * revalidated nothing on an instance without Redis.
 */
const state = (globalThis[Symbol.for('cttd.pageCache')] ??= {
  pages: bounded(megabytes('PAGE_CACHE_MAX_MB', 64)),
  notFound: bounded(megabytes('PAGE_CACHE_NOT_FOUND_MB', 4)),
  tagExpiry: new Map(),
  instance: `${process.pid}-${Math.random().toString(36).slice(2)}`,
  publisher: null,
})
const { pages, notFound, tagExpiry, instance } = state
/**
 * Not-found pages are kept apart: anyone can ask for as many of them as they like. So are the
 * cached reads that found nothing (`null`, `[]`: the lookup of an unknown slug or page), which a
 * request for a random address stores too.
 */
const EMPTY_READ = new Set(['null', '[]', '{}'])
const storeFor = (value) =>
  value?.status === 404 || (value?.kind === 'FETCH' && EMPTY_READ.has(String(value.data?.body ?? '').trim())) ? notFound : pages

const CHANNEL = 'cttd:revalidate'

/** Our server's copy of rendered pages (scripts/page-bytes.mjs) goes with any revalidation. */
const clearPageBytes = () => globalThis[Symbol.for('cttd.pageBytes')]?.clear()

function expire(tags, at) {
  for (const tag of tags) if (!(tagExpiry.get(tag) >= at)) tagExpiry.set(tag, at)
  clearPageBytes()
}

/** Connects to Redis once per process: a publisher, and a subscriber that applies the others' revalidations. */
function shared() {
  if (state.publisher !== null || !process.env.REDIS_URL) return state.publisher
  const Redis = require('ioredis')
  const publisher = (state.publisher = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false }))
  publisher.on('error', () => {})
  const subscriber = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null })
  subscriber.on('error', () => {})
  subscriber.subscribe(CHANNEL).catch(() => {})
  subscriber.on('message', (_channel, message) => {
    try {
      const { from, tags, at } = JSON.parse(message)
      if (from !== instance && Array.isArray(tags)) expire(tags.map(String), Number(at))
    } catch {
      // not ours
    }
  })
  return publisher
}

function tagsOf(entry, ctx) {
  const header = entry.value?.headers?.['x-next-cache-tags']
  return [
    ...(typeof header === 'string' ? header.split(',') : []),
    ...(entry.tags || []),
    ...((ctx && ctx.tags) || []),
    ...((ctx && ctx.softTags) || []),
  ]
}

async function revalidateTags(tags, durations) {
  const at = Date.now() + ((durations && durations.expire) || 0) * 1000
  const list = [tags].flat()
  for (const tag of list) tagExpiry.set(tag, at)
  clearPageBytes()
  await shared()
    ?.publish(CHANNEL, JSON.stringify({ from: instance, tags: list, at }))
    .catch(() => {})
}

/** For work outside a request (a job of the queue), where Next's revalidateTag cannot run. */
globalThis[Symbol.for('cttd.revalidateTags')] = (tags) => {
  revalidateTags(tags).catch(() => {})
}

module.exports = class MemoryCacheHandler {
  constructor() {
    shared()
  }

  async get(key, ctx) {
    // a read counts as a use: the entry becomes the most recently used of its store
    const entry = pages.get(key) ?? notFound.get(key)
    if (!entry) return null
    for (const tag of tagsOf(entry, ctx)) {
      const expiredAt = tagExpiry.get(tag)
      if (expiredAt !== undefined && expiredAt <= Date.now() && expiredAt > entry.lastModified - RENDER_WINDOW_MS) {
        pages.delete(key)
        notFound.delete(key)
        return null
      }
    }
    return entry
  }

  async set(key, data, ctx) {
    // a page may change store (an address that answered 404 until its article was published)
    pages.delete(key)
    notFound.delete(key)
    storeFor(data).set(key, { value: data, lastModified: Date.now(), tags: (ctx && ctx.tags) || [] })
  }

  async revalidateTag(tags, durations) {
    await revalidateTags(tags, durations)
  }

  resetRequestCache() {}
}
