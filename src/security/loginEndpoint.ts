/**
 * POST /api/users/login in place of Payload's own (a collection's endpoints are matched before the
 * built-in ones): the same login operation and answer, behind the throttle of failed logins, with
 * the same work done for an unknown e-mail as for a known one. The admin's login form posts here.
 *
 * Every outcome passes through `loginSucceeded`, `loginFailed` or `loginThrottled`: the one place
 * to record logins (an audit trail) without touching the rest.
 */
import { addDataAndFileToRequest, headersWithCors, loginOperation, type Endpoint, type PayloadRequest } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import { recordLoginFailure } from '../audit/record'
import { clientIp } from '../lib/clientIp'
import { hashForNothing } from './passwordHash'
import { clearLoginFailures, reserveLoginAttempt, throttledMessage } from './loginThrottle'

export type LoginAttempt = { req: PayloadRequest; email: string; address: string }

async function loginSucceeded({ email, address }: LoginAttempt): Promise<void> {
  await clearLoginFailures(email, address)
}

/** The attempt (already counted when reserved) failed: same work and answer for an unknown e-mail. */
async function loginFailed({ req, email }: LoginAttempt, password: string): Promise<void> {
  // Payload answers an unknown e-mail before hashing anything: hash for nothing, so that the
  // delay says no more than the (identical) message.
  const known = email ? await req.payload.db.findOne({ collection: 'users', req, where: { email: { equals: email } } }) : null
  if (!known) await hashForNothing(password)
  await recordLoginFailure(req, { email: req.data?.email, reason: 'wrong-password', account: known?.id ?? null })
}

/**
 * 429 with Retry-After. Only the first refused attempt of a run goes into the audit trail: the
 * ones after it cost the sender nothing (no password is hashed) and must not cost us a row each.
 */
async function loginThrottled({ req }: LoginAttempt, waitSeconds: number, tipped: boolean): Promise<Response> {
  if (tipped) await recordLoginFailure(req, { email: req.data?.email, reason: 'throttled' })
  const message = throttledMessage(waitSeconds)
  // One INFO line, as every refused request is logged (src/lib/logger.ts).
  req.payload.logger.info(`429 ${message}`)
  return Response.json({ errors: [{ message }] }, { status: 429, headers: { 'Retry-After': String(waitSeconds) } })
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export const loginEndpoint: Endpoint = {
  path: '/login',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const collection = req.payload.collections.users
    const password = text(req.data?.password)
    const attempt: LoginAttempt = { req, email: text(req.data?.email).trim().toLowerCase(), address: clientIp(req.headers) }

    const reserved = await reserveLoginAttempt(attempt.email, attempt.address)
    if (reserved.wait > 0) return loginThrottled(attempt, reserved.wait, reserved.tipped)

    let result: Awaited<ReturnType<typeof loginOperation>>
    try {
      const depth = Number(req.searchParams.get('depth') ?? NaN)
      result = await loginOperation({
        collection,
        data: { email: attempt.email, password },
        depth: Number.isInteger(depth) ? depth : undefined,
        req,
      })
    } catch (error) {
      // By status, not class: the production build may hold another copy of Payload's error classes.
      if ((error as { status?: number }).status !== 401) throw error
      await loginFailed(attempt, password)
      throw error
    }
    await loginSucceeded(attempt)

    // As Payload's own login handler answers (payload/dist/auth/endpoints/login.js).
    const cookie = generatePayloadCookie({
      collectionAuthConfig: collection.config.auth,
      cookiePrefix: req.payload.config.cookiePrefix,
      token: result.token!,
    })
    return Response.json(
      { message: req.t('authentication:passed'), ...result },
      { status: 200, headers: headersWithCors({ headers: new Headers({ 'Set-Cookie': cookie }), req }) },
    )
  },
}
