import type { Access, Where } from 'payload'

import { publishedAndLive } from './publishedAndLive'
import { hasRole } from './roles'

const wantsToPublish = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { _status?: unknown })._status === 'published'

/** Editors read everything; reporters the live site plus their own work; the public the live site. */
export const readArticles: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (user && hasRole(user, 'reporter')) {
    return { or: [publishedAndLive(), { createdBy: { equals: user.id } }] }
  }
  return publishedAndLive()
}

/** Versions (drafts, autosaves) are the newsroom's: editors all, reporters their own. */
export const readArticleVersions: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (user && hasRole(user, 'reporter')) return { 'version.createdBy': { equals: user.id } }
  return false
}

/** Any newsroom role may write a draft; only editors may create it already published. */
export const createArticle: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  return hasRole(user, 'reporter') && !wantsToPublish(data)
}

/**
 * Editors change anything. Reporters change only their own unpublished drafts and never publish:
 * once an article is live, what happens to it (edits, unpublishing) is an editor's decision.
 */
export const updateArticle: Access = ({ req: { user }, id, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (!user || !hasRole(user, 'reporter') || wantsToPublish(data)) return false
  // Asked with neither a document nor data, this is the admin's permission map: a reporter's
  // rights are per document, so their list offers no bulk edit, publish or unpublish (the
  // "Xuất bản" there would be refused). Saving and the per-document checks pass an id or data.
  if (id === undefined && (data === undefined || data === null)) return false
  const ownDraft: Where = { and: [{ createdBy: { equals: user.id } }, { _status: { not_equals: 'published' } }] }
  return ownDraft
}

/**
 * Editors delete anything. Reporters delete their own drafts that never went live (abandoned
 * "Tạo mới" clicks, false starts): once published, even if since unpublished, readers may have
 * seen and linked it, so removing it is an editor's decision.
 */
export const deleteArticle: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (!user || !hasRole(user, 'reporter')) return false
  const ownNeverPublished: Where = {
    and: [
      { createdBy: { equals: user.id } },
      { _status: { not_equals: 'published' } },
      { firstPublishedAt: { exists: false } },
    ],
  }
  return ownNeverPublished
}
