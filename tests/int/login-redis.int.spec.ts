/**
 * With REDIS_URL the failed logins are counted in Redis, so that an address throttled by one app
 * instance is throttled by all. Needs the Redis at 127.0.0.1:6379 (REDIS_URL overrides); in CI
 * its absence is a failure.
 */
import crypto from 'node:crypto'

import { describeWithRedis as redisOrSkip, withRedisEnv } from '../helpers/redis'

withRedisEnv({ LOGIN_FAILS_PER_ACCOUNT_AND_ADDRESS: '3' })

const { reserveLoginAttempt, resetLoginThrottle } = await import('../../src/security/loginThrottle')
const { closeLimiters } = await import('../../src/lib/rateLimit')

const describeWithRedis = await redisOrSkip('the shared login-throttle test')

describeWithRedis('failed logins counted in Redis', () => {
  afterAll(async () => {
    resetLoginThrottle()
    await closeLimiters()
  })

  it('an address throttled by one instance is throttled by another, and the owner elsewhere is not', async () => {
    const email = `chu-${crypto.randomBytes(4).toString('hex')}@test.local`
    const address = `203.0.113.${crypto.randomInt(1, 255)}-${crypto.randomBytes(3).toString('hex')}`
    const waits = []
    for (let i = 0; i < 4; i += 1) waits.push((await reserveLoginAttempt(email, address)).wait)
    expect(waits.slice(0, 3)).toEqual([0, 0, 0])
    expect(waits[3]).toBeGreaterThan(0)

    resetLoginThrottle() // another instance: new limiters on the same Redis
    expect((await reserveLoginAttempt(email, address)).wait).toBeGreaterThan(3500)
    expect((await reserveLoginAttempt(email, `${address}-home`)).wait).toBe(0)
  })
})
