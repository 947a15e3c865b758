/**
 * Throttling of failed logins, after rate-limiter-flexible's "Login endpoint protection": an
 * address that fails on one account LOGIN_FAILS_PER_ACCOUNT_AND_ADDRESS times in a row (10) waits
 * an hour before trying that account again, and an address that fails
 * LOGIN_FAILS_PER_ADDRESS_PER_DAY times (100) on any accounts waits a day. No account is ever
 * locked as such: the owner, from their own address, logs in whatever others tried elsewhere.
 * Counted in memory, or in Redis (REDIS_URL) so that every instance sees the same failures.
 */
import crypto from 'node:crypto'

import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import { limitFromEnv, makeRateLimiter } from '../lib/rateLimit'

const HOUR = 3600
const DAY = 24 * HOUR

export const failsPerAccountAndAddress = () => limitFromEnv('LOGIN_FAILS_PER_ACCOUNT_AND_ADDRESS', 10)
export const failsPerAddressPerDay = () => limitFromEnv('LOGIN_FAILS_PER_ADDRESS_PER_DAY', 100)

type Limiters = { byAccountAndAddress: RateLimiterAbstract; byAddress: RateLimiterAbstract }
let limiters: Promise<Limiters> | null = null

const make = async (): Promise<Limiters> => ({
  // Failures in a row: forgotten at the next success, or a day after the first of them.
  byAccountAndAddress: await makeRateLimiter({
    keyPrefix: 'cttd-login-account-address',
    points: failsPerAccountAndAddress(),
    duration: DAY,
    blockDuration: HOUR,
  }),
  byAddress: await makeRateLimiter({
    keyPrefix: 'cttd-login-address',
    points: failsPerAddressPerDay(),
    duration: DAY,
    blockDuration: DAY,
  }),
})

/** Keys of a bounded size, whatever a client sends as its e-mail. */
const digest = (value: string) => crypto.createHash('sha256').update(value).digest('base64url').slice(0, 24)
const keys = (email: string, address: string) => ({
  accountAndAddress: digest(`${email.trim().toLowerCase()}\n${address}`),
  address: digest(address),
})

const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000))

/** Seconds this address must wait before trying this account again, or 0. */
export async function loginWaitSeconds(email: string, address: string): Promise<number> {
  const { byAccountAndAddress, byAddress } = await (limiters ??= make())
  const key = keys(email, address)
  const [pair, day] = await Promise.all([byAccountAndAddress.get(key.accountAndAddress), byAddress.get(key.address)])
  if (day && day.consumedPoints > failsPerAddressPerDay()) return seconds(day)
  if (pair && pair.consumedPoints > failsPerAccountAndAddress()) return seconds(pair)
  return 0
}

/** Counts a failure; returns the seconds to wait when it was one too many, else 0. */
export async function countLoginFailure(email: string, address: string): Promise<number> {
  const { byAccountAndAddress, byAddress } = await (limiters ??= make())
  const key = keys(email, address)
  const results = await Promise.allSettled([byAccountAndAddress.consume(key.accountAndAddress), byAddress.consume(key.address)])
  let wait = 0
  for (const result of results) {
    if (result.status === 'fulfilled') continue
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason
    wait = Math.max(wait, seconds(result.reason))
  }
  return wait
}

/** A success ends the run of failures of this address on this account. */
export async function clearLoginFailures(email: string, address: string): Promise<void> {
  const { byAccountAndAddress } = await (limiters ??= make())
  await byAccountAndAddress.delete(keys(email, address).accountAndAddress)
}

/** Forgets the counts kept in memory (tests); the Redis connection is closed by closeLimiters. */
export function resetLoginThrottle(): void {
  limiters = null
}

/** "… thử lại sau 60 phút.": the wait, rounded up to whole minutes. */
export const throttledMessage = (waitSeconds: number) =>
  `Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ${Math.ceil(waitSeconds / 60)} phút.`
