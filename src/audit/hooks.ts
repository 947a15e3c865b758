/**
 * The hooks that feed the audit trail, one per kind of thing watched. Each records only what a
 * signed-in person did (or a scheduled job acting for one): scripts on the server (seed, import)
 * act for the IT staff and are not recorded; readers' votes and hits never pass here.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import type { AuditAction, AuditTarget } from './actions'
import { actorOf, recordAudit } from './record'

/** Autosaves come every few seconds while someone types: the save that follows is the one recorded. */
const isAutosave = (req: PayloadRequest) => req.query?.autosave === 'true' || req.query?.autosave === true

/** A localized title as the newsroom reads it (Vietnamese first). */
function titleOf(value: unknown): string | null {
  if (typeof value === 'string') return value || null
  if (value && typeof value === 'object') {
    const byLocale = value as Record<string, unknown>
    const first = byLocale.vi ?? Object.values(byLocale).find((text) => typeof text === 'string' && text)
    return typeof first === 'string' && first ? first : null
  }
  return null
}

// ---- articles ------------------------------------------------------------------------------

const liveKey = (id: unknown) => `audit:articles:${String(id)}:liveBefore`

/** Whether the article is on the portal now: its main document, not its latest draft. */
async function isLive(req: PayloadRequest, id: number | string): Promise<boolean> {
  const doc = await req.payload.db.findOne<{ id: number; _status?: string }>({
    collection: 'articles',
    where: { id: { equals: id } },
    select: { _status: true },
    req,
  })
  return doc?._status === 'published'
}

/**
 * Notes, before a save, whether the article was live: a save's `previousDoc` is its latest
 * version, which is a draft when a live article has pending changes, so it cannot tell an
 * unpublish ("Gỡ bài") from a draft save.
 */
export const noteLiveBeforeSave: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req, context }) => {
  if (operation === 'update' && originalDoc?.id !== undefined && !isAutosave(req) && actorOf(req)) {
    context[liveKey(originalDoc.id)] = await isLive(req, originalDoc.id)
  }
  return data
}

const REVIEW_DETAIL: Record<string, string> = { submitted: 'Gửi duyệt', returned: 'Trả lại' }

/** One entry per save of an article: created, saved, published, unpublished; autosaves skipped. */
export const auditArticleChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (!actorOf(req) || isAutosave(req)) return doc
  const target = { type: 'articles' as const, id: doc.id, title: titleOf(doc.title) }
  if (operation === 'create') {
    await recordAudit(req, { action: doc._status === 'published' ? 'publish' : 'create', target })
    return doc
  }
  const key = liveKey(doc.id)
  const liveBefore = typeof context[key] === 'boolean' ? (context[key] as boolean) : previousDoc?._status === 'published'
  delete context[key]
  let action: AuditAction = 'update'
  let detail: string | null = null
  if (doc._status === 'published' && (!liveBefore || previousDoc?._status !== 'published')) {
    action = 'publish'
    if (liveBefore) detail = 'Đăng bản sửa'
  } else if (liveBefore && doc._status !== 'published' && !(await isLive(req, doc.id))) {
    action = 'unpublish'
  } else {
    detail = doc._status === 'published' ? 'Sửa bài đang đăng' : 'Lưu nháp'
    const review = doc.reviewStatus !== previousDoc?.reviewStatus ? REVIEW_DETAIL[doc.reviewStatus as string] : undefined
    if (review) detail = doc.reviewNote && doc.reviewStatus === 'returned' ? `${review}: ${doc.reviewNote}` : review
  }
  await recordAudit(req, { action, target, detail })
  return doc
}

export const auditArticleDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (actorOf(req)) await recordAudit(req, { action: 'delete', target: { type: 'articles', id: doc.id, title: titleOf(doc.title) } })
  return doc
}

// ---- users ---------------------------------------------------------------------------------

const ROLE_NAMES: Record<string, string> = { admin: 'Quản trị', editor: 'Biên tập viên', reporter: 'Phóng viên' }
const rolesText = (roles: unknown) =>
  Array.isArray(roles) && roles.length ? [...roles].sort().map((role) => ROLE_NAMES[role] ?? String(role)).join(', ') : '(không có)'
const userTarget = (doc: { id: number | string; name?: unknown; email?: unknown }) => ({
  type: 'users' as const,
  id: doc.id,
  title: [doc.name, doc.email && `<${doc.email}>`].filter(Boolean).join(' '),
})

export const auditLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  await recordAudit(req, { action: 'login', actor: Number(user.id), actorEmail: user.email ?? null, target: userTarget(user) })
  return user
}

export const auditLogout: CollectionAfterLogoutHook = async ({ req }) => {
  if (req.user && actorOf(req)) await recordAudit(req, { action: 'logout', target: userTarget(req.user) })
}

/** Accounts made and roles changed (old → new), by whom. */
export const auditUserChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (!actorOf(req)) return doc
  if (operation === 'create') {
    await recordAudit(req, { action: 'create', target: userTarget(doc), detail: `Vai trò: ${rolesText(doc.roles)}` })
  } else if (rolesText(previousDoc?.roles) !== rolesText(doc.roles)) {
    await recordAudit(req, { action: 'role-change', target: userTarget(doc), detail: `${rolesText(previousDoc?.roles)} → ${rolesText(doc.roles)}` })
  }
  return doc
}

export const auditUserDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (actorOf(req)) await recordAudit(req, { action: 'delete', target: userTarget(doc), detail: `Vai trò: ${rolesText(doc.roles)}` })
  return doc
}

/** The users collection's hooks, its own first: the config takes them in one line. */
export function withUserAudit(hooks: NonNullable<CollectionConfig['hooks']>): CollectionConfig['hooks'] {
  return {
    ...hooks,
    afterLogin: [...(hooks.afterLogin ?? []), auditLogin],
    // recorded before the sessions end, while the request still knows who it is
    afterLogout: [auditLogout, ...(hooks.afterLogout ?? [])],
    afterChange: [...(hooks.afterChange ?? []), auditUserChange],
    afterDelete: [...(hooks.afterDelete ?? []), auditUserDelete],
  }
}

// ---- votes ---------------------------------------------------------------------------------

async function voteTarget(req: PayloadRequest, doc: { id: number | string; article?: unknown; score?: unknown }) {
  const articleId = typeof doc.article === 'object' && doc.article ? (doc.article as { id: number }).id : (doc.article as number)
  const article = articleId
    ? await req.payload.db.findOne<{ id: number; title?: unknown }>({ collection: 'articles', where: { id: { equals: articleId } }, select: { title: true }, req })
    : null
  return { type: 'ratings' as const, id: doc.id, title: `${titleOf(article?.title) ?? `Bài ${String(articleId)}`}: ${String(doc.score)} sao` }
}

/**
 * Staff changing or deleting a vote. Readers' votes are inserted by the rating endpoint and never
 * updated: a create is never recorded, so voting stays off the audit trail.
 */
export const auditVoteChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !actorOf(req)) return doc
  await recordAudit(req, { action: 'vote-change', target: await voteTarget(req, doc), detail: `${String(previousDoc?.score)} → ${String(doc.score)} sao` })
  return doc
}

export const auditVoteDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (actorOf(req)) await recordAudit(req, { action: 'vote-delete', target: await voteTarget(req, doc) })
  return doc
}

// ---- globals -------------------------------------------------------------------------------

/** Site and ServiceLinks: who changed the portal's settings, and which fields. */
export const auditGlobalChange: GlobalAfterChangeHook = async ({ doc, previousDoc, global, req }) => {
  if (!actorOf(req)) return doc
  const changed = Object.keys({ ...previousDoc, ...doc })
    .filter((field) => !['id', 'createdAt', 'updatedAt', 'globalType'].includes(field))
    .filter((field) => JSON.stringify(previousDoc?.[field]) !== JSON.stringify(doc?.[field]))
  const labels = new Map(global.fields.flatMap((field) => ('name' in field ? [[field.name, field.label]] : [])))
  const names = changed.map((field) => {
    const label = labels.get(field)
    return typeof label === 'object' && label && 'vi' in label ? String(label.vi) : field
  })
  const title = typeof global.label === 'object' && global.label && 'vi' in global.label ? String(global.label.vi) : global.slug
  await recordAudit(req, {
    action: 'global-change',
    target: { type: global.slug as AuditTarget, title },
    detail: names.length ? `Đã sửa: ${names.join(', ')}` : 'Lưu không thay đổi',
  })
  return doc
}
