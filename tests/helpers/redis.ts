/**
 * Tests of what lives in Redis (shared counts between app instances) need the Redis at
 * 127.0.0.1:6379 (REDIS_URL overrides): where it is missing they are skipped loudly, and in CI its
 * absence is a failure. `withRedisEnv` sets REDIS_URL and the given variables for the file (before
 * its modules are imported) and puts the worker's environment back after it.
 */
import { Redis } from 'ioredis'

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

export function withRedisEnv(variables: Record<string, string>): void {
  const values = { REDIS_URL, ...variables }
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]))
  Object.assign(process.env, values)
  // Test files share a worker's environment: leave it as it was.
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })
}

/** `describe`, or `describe.skip` with a loud line when Redis cannot be reached (never in CI). */
export async function describeWithRedis(what: string): Promise<jest.Describe> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  try {
    await probe.connect()
    await probe.ping()
    return describe
  } catch {
    if (process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}`)
    console.warn(`\n!! Redis not reachable at ${REDIS_URL}: ${what} is SKIPPED\n`)
    return describe.skip
  } finally {
    probe.disconnect()
  }
}
