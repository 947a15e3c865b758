/**
 * The Redirects collection's rules (one form per old address, refusals, no chains) and what
 * the articles and categories do to it when an editor changes a live slug.
 */
import {
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
  ValidationError,
  type Where,
} from 'payload'

import { redirectKey, redirectTarget } from './paths.mjs'
import { redirectsChanged } from './register'

const MESSAGES = {
  fromNotPath: 'Địa chỉ cũ phải là một đường dẫn bắt đầu bằng “/” (ví dụ /vi/news/kinh-te/), hoặc một địa chỉ http(s):// của trang cũ.',
  toNotValid: 'Địa chỉ mới phải là một đường dẫn trên trang này (bắt đầu bằng “/”, ví dụ /bai-viet/ten-bai) hoặc một địa chỉ http:// hay https://.',
  self: 'Địa chỉ mới trùng với địa chỉ cũ: chuyển hướng về chính nó.',
  taken: (from: string) => `Địa chỉ cũ ${from} đã có chuyển hướng; hãy sửa chuyển hướng đó.`,
  loop: (from: string, to: string) => `Chuyển hướng này tạo vòng lặp: ${to} đã chuyển về ${from}.`,
}

type RedirectRow = { id: number | string; from: string; to: string; source?: string | null }

const LABELS = { from: 'Địa chỉ cũ', to: 'Chuyển đến' }

/** A refusal in the editor's language: the toast's "following field is invalid" too (Payload's is English without `t`). */
const refuse = (req: PayloadRequest, path: 'from' | 'to', message: string): never => {
  throw new ValidationError({ collection: 'redirects', errors: [{ path, message, label: LABELS[path] }], req }, req.t)
}

async function rowFrom(req: PayloadRequest, from: string, exceptId?: number | string): Promise<RedirectRow | undefined> {
  const where: Where = exceptId === undefined ? { from: { equals: from } } : { and: [{ from: { equals: from } }, { id: { not_equals: exceptId } }] }
  const { docs } = await req.payload.find({ collection: 'redirects', where, limit: 1, depth: 0, overrideAccess: true, req })
  return docs[0] as RedirectRow | undefined
}

/**
 * Before a redirect is saved: its old address in the one form (paths.mjs), its destination a
 * path here or an http(s) address, never itself, never taken by another row; a destination that
 * is itself an old address is replaced by where that one goes (no chains), and one that comes
 * back here is a loop.
 */
export const prepareRedirect: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const rawFrom = data.from ?? originalDoc?.from
  const from = redirectKey(rawFrom)
  if (!from) return refuse(req, 'from', MESSAGES.fromNotPath)
  const to = redirectTarget(data.to ?? originalDoc?.to)
  if (!to) return refuse(req, 'to', MESSAGES.toNotValid)
  const toKey = to.startsWith('/') ? redirectKey(to) : null
  if (toKey === from) return refuse(req, 'to', MESSAGES.self)
  if (await rowFrom(req, from, originalDoc?.id)) return refuse(req, 'from', MESSAGES.taken(from))
  let target = to
  const onward = toKey ? await rowFrom(req, toKey, originalDoc?.id) : undefined
  if (onward) {
    if (onward.to.startsWith('/') && redirectKey(onward.to) === from) return refuse(req, 'to', MESSAGES.loop(from, toKey as string))
    target = onward.to
  }
  return { ...data, from, to: target }
}

/** After a redirect is saved: the rows that led to its old address now lead where it goes. */
export const moveRedirectsAlong: CollectionAfterChangeHook = async ({ doc, req }) => {
  const row = doc as RedirectRow
  const pointing = await req.payload.find({
    collection: 'redirects',
    where: { and: [{ to: { in: [row.from, `${row.from}/`] } }, { id: { not_equals: row.id } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const earlier of pointing.docs) {
    await req.payload.update({ collection: 'redirects', id: earlier.id, data: { to: row.to }, depth: 0, overrideAccess: true, req })
  }
  redirectsChanged()
  return doc
}

export const redirectDeleted: CollectionAfterDeleteHook = ({ doc }) => {
  redirectsChanged()
  return doc
}

/** A page now lives at `path`: a redirect from there would hide it (the page wins). */
async function pageLivesAt(req: PayloadRequest, path: string): Promise<void> {
  await req.payload.delete({ collection: 'redirects', where: { from: { equals: redirectKey(path) } }, overrideAccess: true, req })
}

/** `from` now answers with `to` (an editor's earlier redirect from there is replaced). */
async function pageMoved(req: PayloadRequest, from: string, to: string): Promise<void> {
  await pageLivesAt(req, to)
  const existing = await rowFrom(req, redirectKey(from) as string)
  if (existing) await req.payload.update({ collection: 'redirects', id: existing.id, data: { to, source: 'slug' }, overrideAccess: true, req })
  else await req.payload.create({ collection: 'redirects', data: { from, to, source: 'slug' }, overrideAccess: true, req })
}

const articlePath = (slug: string) => `/bai-viet/${slug}`
const categoryPath = (slug: string) => `/chuyen-muc/${slug}`
const liveSlugKey = (id: unknown) => `redirects:articles:${String(id)}:liveSlug`

/**
 * Notes the slug the public sees before a save: the article's main document when it is
 * published (a draft save keeps it; `previousDoc` is the latest version, often that draft).
 */
export const noteLiveSlug: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req, context }) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  const live = await req.payload.db.findOne<{ id: number; slug?: string; _status?: string }>({
    collection: 'articles',
    where: { id: { equals: originalDoc.id } },
    select: { slug: true, _status: true },
    req,
  })
  context[liveSlugKey(originalDoc.id)] = live?._status === 'published' ? live.slug : null
  return data
}

/**
 * When an article goes live (published, or a published edit) its address is a page, not a
 * redirect; when that changed the slug the public saw, the old address redirects to the new one.
 */
export const redirectOldArticleSlug: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  const key = liveSlugKey(doc.id)
  const liveSlug = context[key]
  delete context[key]
  if (doc._status !== 'published' || typeof doc.slug !== 'string') return doc
  if (typeof liveSlug === 'string' && liveSlug && liveSlug !== doc.slug) await pageMoved(req, articlePath(liveSlug), articlePath(doc.slug))
  else await pageLivesAt(req, articlePath(doc.slug))
  return doc
}

/** Categories are public as soon as they exist: the same for their slug. */
export const redirectOldCategorySlug: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (typeof doc.slug !== 'string') return doc
  const before = operation === 'update' ? previousDoc?.slug : undefined
  if (typeof before === 'string' && before && before !== doc.slug) await pageMoved(req, categoryPath(before), categoryPath(doc.slug))
  else await pageLivesAt(req, categoryPath(doc.slug))
  return doc
}
