/**
 * Next's page and data cache, kept in this process's memory instead of files under .next.
 * Files would outlive the process: a restart on another database (a restore, a test run, a
 * fresh `npm start`) would serve pages rendered from the old one. Entries carry their cache tags;
 * a revalidated tag expires every entry that holds it, as Next's file cache does.
 *
 * Several instances (REDIS_URL set): a revalidation is published on a Redis channel and every
 * instance expires the tag in its own memory, so a page published through one instance is fresh
 * on all of them within milliseconds.
 */
const MAX_ENTRIES = Number(process.env.PAGE_CACHE_MAX_ENTRIES || 5000)
// An entry is stored when its render ends, but its data was read when the render began: a render
// that straddles a revalidation would pass for fresh. Entries stored within this window after a
// revalidation of one of their tags are not trusted (the next request renders again).
const RENDER_WINDOW_MS = 5000

const entries = new Map()
const tagExpiry = new Map()

const CHANNEL = 'cttd:revalidate'
const instance = `${process.pid}-${Math.random().toString(36).slice(2)}`
let publisher = null

/** Our server's copy of rendered pages (scripts/page-bytes.mjs) goes with any revalidation. */
const clearPageBytes = () => globalThis[Symbol.for('cttd.pageBytes')]?.clear()

function expire(tags, at) {
  for (const tag of tags) if (!(tagExpiry.get(tag) >= at)) tagExpiry.set(tag, at)
  clearPageBytes()
}

/** Connects to Redis once per process: a publisher, and a subscriber that applies the others' revalidations. */
function shared() {
  if (publisher !== null || !process.env.REDIS_URL) return publisher
  const Redis = require('ioredis')
  publisher = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false })
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
    const entry = entries.get(key)
    if (!entry) return null
    for (const tag of tagsOf(entry, ctx)) {
      const expiredAt = tagExpiry.get(tag)
      if (expiredAt !== undefined && expiredAt <= Date.now() && expiredAt > entry.lastModified - RENDER_WINDOW_MS) {
        entries.delete(key)
        return null
      }
    }
    entries.delete(key) // most recently used goes last
    entries.set(key, entry)
    return entry
  }

  async set(key, data, ctx) {
    entries.delete(key)
    entries.set(key, { value: data, lastModified: Date.now(), tags: (ctx && ctx.tags) || [] })
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value)
  }

  async revalidateTag(tags, durations) {
    await revalidateTags(tags, durations)
  }

  resetRequestCache() {}
}
