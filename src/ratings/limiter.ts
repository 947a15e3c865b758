/**
 * The per-IP cap on votes: RATING_VOTES_PER_IP_PER_DAY (default 30) per article per IP hash per
 * day. In memory for one process; in Redis (REDIS_URL) so that several instances share it.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

let limiter: Promise<RateLimiterAbstract> | null = null
let redis: { quit: () => Promise<unknown> } | null = null

export const LIMITER_PREFIX = 'cttd-rating'

export function votesPerIpPerDay(): number {
  const value = Number(process.env.RATING_VOTES_PER_IP_PER_DAY || 30)
  return Number.isInteger(value) && value > 0 ? value : 30
}

async function createLimiter(): Promise<RateLimiterAbstract> {
  const options = { keyPrefix: LIMITER_PREFIX, points: votesPerIpPerDay(), duration: 24 * 3600 }
  if (!process.env.REDIS_URL) return new RateLimiterMemory(options)
  const { Redis } = await import('ioredis')
  const storeClient = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 })
  redis = storeClient
  return new RateLimiterRedis({ ...options, storeClient })
}

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export async function takeVoteSlot(articleId: number, ipHash: string): Promise<LimitResult> {
  limiter ??= createLimiter()
  try {
    await (await limiter).consume(`${articleId}:${ipHash}`)
    return { allowed: true }
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
    }
    throw error
  }
}

/** Closes the Redis connection, if any (graceful stop, tests). */
export async function closeLimiter(): Promise<void> {
  await redis?.quit()
  redis = null
  limiter = null
}
