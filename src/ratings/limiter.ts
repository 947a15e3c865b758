/**
 * The per-IP cap on votes: RATING_VOTES_PER_IP_PER_DAY (default 30) per article per IP hash per
 * day, shared by every instance when REDIS_URL is set.
 */
import { closeLimiters, createLimiter, limitFromEnv, type LimitResult } from '../lib/rateLimit'

export const LIMITER_PREFIX = 'cttd-rating'

export const votesPerIpPerDay = () => limitFromEnv('RATING_VOTES_PER_IP_PER_DAY', 30)

let limiter = createLimiter(LIMITER_PREFIX, votesPerIpPerDay, 24 * 3600)

export async function takeVoteSlot(articleId: number, ipHash: string): Promise<LimitResult> {
  return limiter.take(`${articleId}:${ipHash}`)
}

/** Closes the Redis connection, if any, and forgets the counts kept in memory (tests). */
export async function closeLimiter(): Promise<void> {
  await closeLimiters()
  limiter = createLimiter(LIMITER_PREFIX, votesPerIpPerDay, 24 * 3600)
}
