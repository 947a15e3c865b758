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

import { meterKey } from '../../scripts/throttle.mjs'
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

/**
 * Keys of a bounded size, whatever a client sends as its e-mail. An address is counted as the
 * request meter counts it: IPv4 alone, IPv6 by its /64 (one home or office holds a whole /64, and
 * counting single IPv6 addresses would give anyone billions of budgets and fill the memory).
 */
const digest = (value: string) => crypto.createHash('sha256').update(value).digest('base64url').slice(0, 24)
const keys = (email: string, address: string) => ({
  accountAndAddress: digest(`${email.trim().toLowerCase()}\n${meterKey(address)}`),
  address: digest(meterKey(address)),
})

const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000))

export type Reservation = {
  /** Seconds to wait before trying again, or 0: the attempt may go on. */
  wait: number
  /** This attempt is the one that used the last of a budget (the first refused): worth one log line. */
  tipped: boolean
}

/**
 * Takes one attempt from both budgets BEFORE the password is checked: guesses sent at once are
 * counted at once, instead of all passing a check made while the first is still being hashed.
 * A success gives the attempt back (`clearLoginFailures`); a failure keeps it counted.
 */
export async function reserveLoginAttempt(email: string, address: string): Promise<Reservation> {
  const { byAccountAndAddress, byAddress } = await (limiters ??= make())
  const key = keys(email, address)
  const results = await Promise.allSettled([byAccountAndAddress.consume(key.accountAndAddress), byAddress.consume(key.address)])
  const budgets = [failsPerAccountAndAddress(), failsPerAddressPerDay()]
  let wait = 0
  let tipped = false
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') return
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason
    wait = Math.max(wait, seconds(result.reason))
    if (result.reason.consumedPoints === budgets[index] + 1) tipped = true
  })
  return { wait, tipped }
}

/** A success ends the run of failures of this address on this account, and was no failure of the address. */
export async function clearLoginFailures(email: string, address: string): Promise<void> {
  const { byAccountAndAddress, byAddress } = await (limiters ??= make())
  const key = keys(email, address)
  await Promise.all([byAccountAndAddress.delete(key.accountAndAddress), byAddress.reward(key.address, 1)])
}

/** Forgets the counts kept in memory (tests); the Redis connection is closed by closeLimiters. */
export function resetLoginThrottle(): void {
  limiters = null
}

/** "… thử lại sau 60 phút.": the wait, rounded up to whole minutes. */
export const throttledMessage = (waitSeconds: number) =>
  `Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ${Math.ceil(waitSeconds / 60)} phút.`
