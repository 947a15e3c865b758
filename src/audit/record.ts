/**
 * Writing the audit trail ("Nhật ký thao tác"). Every entry goes through `recordAudit`, inside
 * the request's transaction when it has one (pass `req`): an action rolled back leaves no entry.
 * An entry that cannot be written is logged as an ERROR and never fails, nor undoes, the action.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { clientIp } from '../lib/clientIp'
import { keyedHash } from '../lib/keyedHash'
import { AUDIT_COLLECTION, type AuditAction, type AuditTarget, LOGIN_FAILURES, type LoginFailure } from './actions'

export type AuditEntry = {
  action: AuditAction
  /** Who acted; the request's user when left out. */
  actor?: number | null
  /** The e-mail as typed (a failed login), or the actor's. */
  actorEmail?: string | null
  target?: { type: AuditTarget; id?: number | string | null; title?: string | null }
  detail?: string | null
}

/** Field bounds (the collection's maxLength): an entry is cut to fit rather than refused. */
export const AUDIT_TEXT_MAX = { email: 254, title: 300, detail: 500 } as const

const cut = (text: string | null | undefined, max: number): string | null =>
  text ? (text.length > max ? `${text.slice(0, max - 1)}…` : text) : null

/** The request's signed-in person, if any (not an API key of another collection). */
export function actorOf(req: PayloadRequest): { id: number; email: string | null } | null {
  const user = req.user
  if (!user || user.collection !== 'users') return null
  return { id: Number(user.id), email: typeof user.email === 'string' ? user.email : null }
}

/**
 * The client's address as a keyed hash (HMAC-SHA256 with the Payload secret, 22 characters): the
 * same address gives the same mark, so one can follow an address through the trail, and the raw
 * address is never stored. Requests without one (jobs, scripts) get none.
 */
export function addressHash(req: PayloadRequest): string | null {
  const ip = req.headers ? clientIp(req.headers, { local: true }) : 'unknown'
  if (!ip || ip === 'unknown') return null
  return keyedHash(req.payload.secret, 'audit-address', ip).slice(0, 22)
}

type Transaction = { execute?: (query: unknown) => Promise<unknown> }

/**
 * Runs `write` in a savepoint of the request's transaction on PostgreSQL, which otherwise aborts
 * the whole transaction at the first failed statement: the action's own writes would be lost
 * with the entry (and, answered 200, silently). SQLite keeps a transaction after a failed
 * statement; MongoDB has no such statement.
 */
async function alone(req: PayloadRequest, write: () => Promise<unknown>): Promise<void> {
  const id = req.transactionID ? await req.transactionID : undefined
  const sessions = (req.payload.db as { sessions?: Record<string, { db?: Transaction }> }).sessions
  const tx = id === undefined ? undefined : sessions?.[String(id)]?.db
  if (req.payload.db.name !== 'postgres' || !tx?.execute) {
    await write()
    return
  }
  await tx.execute(sql.raw('SAVEPOINT audit_entry'))
  try {
    await write()
  } catch (err) {
    await tx.execute(sql.raw('ROLLBACK TO SAVEPOINT audit_entry'))
    throw err
  }
  await tx.execute(sql.raw('RELEASE SAVEPOINT audit_entry'))
}

export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const actor = actorOf(req)
  const data = {
    at: new Date().toISOString(),
    action: entry.action,
    actor: entry.actor === undefined ? (actor?.id ?? null) : entry.actor,
    actorEmail: cut(entry.actorEmail === undefined ? (actor?.email ?? null) : entry.actorEmail, AUDIT_TEXT_MAX.email),
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id == null ? null : String(entry.target.id),
    targetTitle: cut(entry.target?.title, AUDIT_TEXT_MAX.title),
    detail: cut(entry.detail, AUDIT_TEXT_MAX.detail),
    addressHash: addressHash(req),
  }
  try {
    // the adapter's create, not the Local API's: an operation that fails rolls back the request's
    // whole transaction (Payload's killTransaction), the action's writes with it
    await alone(req, () => req.payload.db.create({ collection: AUDIT_COLLECTION, data, req, returning: false }))
  } catch (err) {
    req.payload.logger.error({ err, audit: { ...data, addressHash: undefined } }, 'Không ghi được nhật ký thao tác (audit entry lost)')
  }
}

/**
 * A refused login: wrong password, unknown e-mail, or throttled (src/security/loginEndpoint.ts).
 * `account`: the account the e-mail names, when the caller has looked it up already.
 */
export async function recordLoginFailure(
  req: PayloadRequest,
  { email, reason, account: known }: { email: unknown; reason: LoginFailure; account?: number | string | null },
): Promise<void> {
  const typed = typeof email === 'string' ? email.trim() : ''
  let account: number | null = known === undefined || known === null ? null : Number(known)
  if (known === undefined && typed) {
    const { docs } = await req.payload.db.find({
      collection: 'users',
      where: { email: { equals: typed.toLowerCase() } },
      limit: 1,
      pagination: false,
      req,
    })
    account = docs[0] ? Number(docs[0].id) : null
  }
  const why = reason === 'wrong-password' && account === null ? 'unknown-email' : reason
  await recordAudit(req, {
    action: 'login-failed',
    actor: account,
    actorEmail: typed || null,
    target: account === null ? undefined : { type: 'users', id: account, title: typed },
    detail: LOGIN_FAILURES[why],
  })
}
