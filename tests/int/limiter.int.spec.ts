/**
 * With REDIS_URL the per-IP vote cap lives in Redis, so every app instance sees the same count.
 * Needs the Redis at 127.0.0.1:6379 (REDIS_URL overrides); in CI its absence is a failure.
 */
import crypto from 'node:crypto'

import { Redis } from 'ioredis'
import { RateLimiterRedis } from 'rate-limiter-flexible'

import { describeWithRedis as redisOrSkip, REDIS_URL, withRedisEnv } from '../helpers/redis'

withRedisEnv({ RATING_VOTES_PER_IP_PER_DAY: '3' })

const { closeLimiter, LIMITER_PREFIX, takeVoteSlot } = await import('../../src/ratings/limiter')

const describeWithRedis = await redisOrSkip('the shared rate-limit test')

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
