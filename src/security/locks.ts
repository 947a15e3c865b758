/**
 * Document locks ("X đang sửa bài này") follow edit rights. Payload's locked-documents collection
 * lets any logged-in user lock, take over or release any document; a reporter could keep an
 * editor out of an article they may not even change. Payload adds the collection while building
 * the config, so its access is set on the built config (followEditRights), as Payload checks it
 * over REST; the admin's form state, which writes locks without access, asks canEdit first
 * (lockStatusOnlyForEditors, wired in src/app/(payload)/layout.tsx).
 */
import type { Access, CollectionBeforeChangeHook, PayloadRequest, SanitizedConfig } from 'payload'

import { hasRole } from '../access/roles'
import { canEdit, type Target } from './editRights'

export const LOCKS = 'payload-locked-documents'

type LockData = { document?: { relationTo?: string; value?: unknown } | null; globalSlug?: string | null }

const targetOf = (lock: LockData | undefined | null): Target => {
  const value = lock?.document?.value
  const id = value && typeof value === 'object' ? (value as { id?: number | string }).id : (value as number | string | undefined)
  return { collection: lock?.document?.relationTo, id, global: lock?.globalSlug }
}

async function storedLock(req: PayloadRequest, id: number | string) {
  return (await req.payload.findByID({ collection: LOCKS as never, id, depth: 0, req, disableErrors: true })) as
    | (LockData & { user?: { value?: unknown } })
    | null
}

/** Taking a lock: only on what the user may edit. */
const createLock: Access = async ({ req, data }) => Boolean(req.user) && canEdit(req, targetOf(data as LockData))

/**
 * Taking a lock over (the admin's "Tiếp quản"): only on what the user may edit, and a lock moved
 * to another document (a new `document` or `globalSlug` in the request) only onto one they may
 * edit too: otherwise a reporter's own lock could be pointed at an editor's article.
 */
const updateLock: Access = async ({ req, id, data }) => {
  if (!req.user || id === undefined) return false
  const moved = data as LockData | undefined
  if (moved && (moved.document !== undefined || moved.globalSlug !== undefined) && !(await canEdit(req, targetOf(moved)))) return false
  return canEdit(req, targetOf(await storedLock(req, id)))
}

/** Releasing a lock: its holder, an admin, or whoever may edit the document. */
const deleteLock: Access = async ({ req, id }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  if (id === undefined) return false
  const lock = await storedLock(req, id)
  if (!lock) return false
  const holder = lock.user?.value
  if (String(holder && typeof holder === 'object' ? (holder as { id: unknown }).id : holder) === String(req.user.id)) return true
  return canEdit(req, targetOf(lock))
}

/** A lock is in the name of whoever takes it, whatever the request says. */
const holderIsRequester: CollectionBeforeChangeHook = ({ data, req }) => {
  if (req.user) data.user = { relationTo: req.user.collection, value: req.user.id }
  return data
}

/** Sets the locked-documents collection's access on the built config. */
export function followEditRights(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === LOCKS)
  if (!locks) return config
  locks.access = { ...locks.access, create: createLock, update: updateLock, delete: deleteLock }
  locks.hooks = { ...locks.hooks, beforeChange: [...(locks.hooks?.beforeChange ?? []), holderIsRequester] }
  return config
}

type FormStateArgs = { req: PayloadRequest; returnLockStatus?: boolean; collectionSlug?: string; globalSlug?: string; id?: number | string }

/**
 * The admin's form state (Payload's "form-state" server function) locks the document it is
 * built for, straight in the database: it is asked to only when the user may edit it. A reporter
 * reading an article they may not change no longer shows it to editors as being edited.
 */
export function lockStatusOnlyForEditors<Args, Result>(handler: (args: Args) => Promise<Result>): (args: Args) => Promise<Result> {
  return async (args) => {
    const formState = args as unknown as FormStateArgs
    if (formState.returnLockStatus) {
      const target: Target = { collection: formState.collectionSlug, id: formState.id, global: formState.globalSlug }
      if (!(await canEdit(formState.req, target))) return handler({ ...args, returnLockStatus: false })
    }
    return handler(args)
  }
}
