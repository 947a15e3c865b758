/**
 * Fixed-window rate limits for public write endpoints (rate-limiter-flexible): in memory for one
 * process, or in Redis (REDIS_URL) so that every instance shares the count. One Redis
 * connection serves every limiter of the process.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type IRateLimiterOptions, type RateLimiterAbstract } from 'rate-limiter-flexible'

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number }
export type Limiter = { take: (key: string) => Promise<LimitResult> }

type RedisClient = { quit: () => Promise<unknown> }
let redis: Promise<RedisClient> | null = null

async function redisClient(): Promise<RedisClient> {
  redis ??= import('ioredis').then(({ Redis }) => new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2 }))
  return redis
}

/** A positive integer from the environment, or the default. */
export function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback)
  return Number.isInteger(value) && value > 0 ? value : fallback
}

/** A limiter of rate-limiter-flexible in memory, or in the shared Redis when REDIS_URL is set. */
export async function makeRateLimiter(options: IRateLimiterOptions): Promise<RateLimiterAbstract> {
  if (!process.env.REDIS_URL) return new RateLimiterMemory(options)
  return new RateLimiterRedis({ ...options, storeClient: await redisClient() })
}

export function createLimiter(keyPrefix: string, points: () => number, durationSeconds: number): Limiter {
  let limiter: Promise<RateLimiterAbstract> | null = null
  const make = () => makeRateLimiter({ keyPrefix, points: points(), duration: durationSeconds })
  return {
    take: async (key) => {
      limiter ??= make()
      try {
        await (await limiter).consume(key)
        return { allowed: true }
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
        }
        throw error
      }
    },
  }
}

/** Closes the shared Redis connection, if any (graceful stop, tests). */
export async function closeLimiters(): Promise<void> {
  const client = redis
  redis = null
  await (await client)?.quit()
}
