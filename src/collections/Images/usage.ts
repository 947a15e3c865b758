/**
 * Where readers see an image: a published article (its hero image, or an image in its body in any
 * language), an author's photo, the site's emblem or a service-link banner. A reporter may change
 * their own uploads only while none of these uses them (src/collections/Images/access.ts).
 */
import type { Payload, PayloadRequest, Where } from 'payload'

type Id = number | string

const idOf = (value: unknown): Id | undefined => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: Id }).id
  return undefined
}

const same = (a: unknown, b: Id) => a !== undefined && String(idOf(a)) === String(b)

/** True when a Lexical tree holds the image: an upload node, or an image-with-caption block. */
export function bodyUsesImage(node: unknown, id: Id): boolean {
  if (Array.isArray(node)) return node.some((child) => bodyUsesImage(child, id))
  if (!node || typeof node !== 'object') return false
  const record = node as Record<string, unknown>
  if (record.type === 'upload' && record.relationTo === 'images' && same(record.value, id)) return true
  const fields = record.fields as Record<string, unknown> | undefined
  if (record.type === 'block' && fields?.blockType === 'imageWithCaption' && same(fields.image, id)) return true
  return Object.values(record).some((value) => typeof value === 'object' && bodyUsesImage(value, id))
}

const PAGE = 100

/**
 * Whether readers see the image anywhere. Article bodies are JSON the database cannot search
 * by reference, so published articles are read page by page; only those saved since the image
 * was uploaded can hold it, which keeps the scan to the recent ones for a recent upload.
 */
export async function imageInUse(payload: Payload, id: Id, req?: PayloadRequest): Promise<boolean> {
  const image = await payload.findByID({ collection: 'images', id, depth: 0, req, select: { createdAt: true }, disableErrors: true })
  if (!image) return false
  const published: Where = { _status: { equals: 'published' } }
  const hero = await payload.count({ collection: 'articles', where: { and: [published, { heroImage: { equals: id } }] }, req })
  if (hero.totalDocs > 0) return true
  const photo = await payload.count({ collection: 'authors', where: { photo: { equals: id } }, req })
  if (photo.totalDocs > 0) return true

  const site = await payload.findGlobal({ slug: 'site', depth: 0, req })
  if (same(site.emblem, id)) return true
  const links = await payload.findGlobal({ slug: 'service-links', depth: 0, req })
  if ((links.groups ?? []).some((group) => (group.links ?? []).some((link) => same(link.banner, id)))) return true

  const since: Where = { and: [published, { updatedAt: { greater_than_equal: image.createdAt } }] }
  for (let page = 1; ; page += 1) {
    const batch = await payload.find({
      collection: 'articles',
      where: since,
      select: { body: true },
      locale: 'all',
      depth: 0,
      limit: PAGE,
      page,
      sort: 'id',
      req,
    })
    if (batch.docs.some((doc) => bodyUsesImage(doc.body, id))) return true
    if (!batch.hasNextPage) return false
  }
}
