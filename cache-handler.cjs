/**
 * Next's page and data cache, kept in this process's memory instead of files under .next.
 * Files would outlive the process: a restart on another database (a restore, a test run, a
 * fresh `npm start`) would serve pages rendered from the old one. Entries carry their cache tags;
 * a revalidated tag expires every entry that holds it, as Next's file cache does.
 */
const MAX_ENTRIES = Number(process.env.PAGE_CACHE_MAX_ENTRIES || 5000)
// An entry is stored when its render ends, but its data was read when the render began: a render
// that straddles a revalidation would pass for fresh. Entries stored within this window after a
// revalidation of one of their tags are not trusted (the next request renders again).
const RENDER_WINDOW_MS = 5000

const entries = new Map()
const tagExpiry = new Map()

function tagsOf(entry, ctx) {
  const header = entry.value?.headers?.['x-next-cache-tags']
  return [
    ...(typeof header === 'string' ? header.split(',') : []),
    ...(entry.tags || []),
    ...((ctx && ctx.tags) || []),
    ...((ctx && ctx.softTags) || []),
  ]
}

module.exports = class MemoryCacheHandler {
  constructor() {}

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
    const at = Date.now() + ((durations && durations.expire) || 0) * 1000
    for (const tag of [tags].flat()) tagExpiry.set(tag, at)
  }

  resetRequestCache() {}
}
