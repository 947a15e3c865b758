/**
 * With REDIS_URL the failed logins are counted in Redis, so that an address throttled by one app
 * instance is throttled by all. Needs the Redis at 127.0.0.1:6379 (REDIS_URL overrides); in CI
 * its absence is a failure.
 */
import crypto from 'node:crypto'

import { Redis } from 'ioredis'

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const saved = { REDIS_URL: process.env.REDIS_URL, LOGIN_FAILS_PER_ACCOUNT_AND_ADDRESS: process.env.LOGIN_FAILS_PER_ACCOUNT_AND_ADDRESS }
process.env.REDIS_URL = REDIS_URL
process.env.LOGIN_FAILS_PER_ACCOUNT_AND_ADDRESS = '3'

const { countLoginFailure, loginWaitSeconds, resetLoginThrottle } = await import('../../src/security/loginThrottle')
const { closeLimiters } = await import('../../src/lib/rateLimit')

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
    console.warn(`\n!! Redis not reachable at ${REDIS_URL}: the shared login-throttle test is SKIPPED\n`)
    return false
  } finally {
    probe.disconnect()
  }
}

const reachable = await redisReachable()
const describeWithRedis = reachable ? describe : describe.skip

describeWithRedis('failed logins counted in Redis', () => {
  afterAll(async () => {
    resetLoginThrottle()
    await closeLimiters()
  })

  it('an address throttled by one instance is throttled by another, and the owner elsewhere is not', async () => {
    const email = `chu-${crypto.randomBytes(4).toString('hex')}@test.local`
    const address = `203.0.113.${crypto.randomInt(1, 255)}-${crypto.randomBytes(3).toString('hex')}`
    const waits = []
    for (let i = 0; i < 4; i += 1) waits.push(await countLoginFailure(email, address))
    expect(waits.slice(0, 3)).toEqual([0, 0, 0])
    expect(waits[3]).toBeGreaterThan(0)

    resetLoginThrottle() // another instance: new limiters on the same Redis
    expect(await loginWaitSeconds(email, address)).toBeGreaterThan(3500)
    expect(await loginWaitSeconds(email, `${address}-home`)).toBe(0)
  })
})
