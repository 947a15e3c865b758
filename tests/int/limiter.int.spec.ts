/**
 * With REDIS_URL the per-IP vote cap lives in Redis, so every app instance sees the same count.
 * Needs the Redis at 127.0.0.1:6379 (REDIS_URL overrides); in CI its absence is a failure.
 */
import crypto from 'node:crypto'

import { Redis } from 'ioredis'
import { RateLimiterRedis } from 'rate-limiter-flexible'

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const saved = { REDIS_URL: process.env.REDIS_URL, RATING_VOTES_PER_IP_PER_DAY: process.env.RATING_VOTES_PER_IP_PER_DAY }
process.env.REDIS_URL = REDIS_URL
process.env.RATING_VOTES_PER_IP_PER_DAY = '3'

const { closeLimiter, LIMITER_PREFIX, takeVoteSlot } = await import('../../src/ratings/limiter')

// Test files share a worker's environment: leave it as it was.
afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  try {
    await probe.connect()
    await probe.ping()
    return true
  } catch {
    if (process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}`)
    console.warn(`\n!! Redis not reachable at ${REDIS_URL}: the shared rate-limit test is SKIPPED\n`)
    return false
  } finally {
    probe.disconnect()
  }
}

const reachable = await redisReachable()
const describeWithRedis = reachable ? describe : describe.skip

describeWithRedis('the vote cap in Redis', () => {
  afterAll(async () => closeLimiter())

  it('counts in Redis, where another instance reads the same number', async () => {
    const ipHash = crypto.randomBytes(8).toString('hex')
    const results = []
    for (let i = 0; i < 4; i += 1) results.push(await takeVoteSlot(42, ipHash))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])

    // "another instance": its own connection and limiter, same prefix
    const client = new Redis(REDIS_URL)
    try {
      const other = new RateLimiterRedis({ storeClient: client, keyPrefix: LIMITER_PREFIX, points: 3, duration: 86400 })
      const seen = await other.get(`42:${ipHash}`)
      expect(seen?.consumedPoints).toBe(4)
      await expect(other.consume(`42:${ipHash}`)).rejects.toMatchObject({ remainingPoints: 0 })
    } finally {
      await client.quit()
    }
  })
})
