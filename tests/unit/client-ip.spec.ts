/**
 * The reader's address comes from our server's header (or X-Forwarded-For behind a trusted proxy).
 * In production a request without it did not come through our server: refused loudly, never
 * answered 'unknown' (one address for every reader would be one rate limit for the whole site).
 */
import { jest } from '@jest/globals'

import { CLIENT_IP_HEADER, clientIp, MISSING_CLIENT_IP, MissingClientIpError } from '../../src/lib/clientIp'

const withEnv = (env: Record<string, string | undefined>, run: () => void) => {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  Object.assign(process.env, env)
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key]
  try {
    run()
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

describe('clientIp', () => {
  it("reads our server's header, and ignores a client's X-Forwarded-For unless TRUST_PROXY=true", () => {
    withEnv({ TRUST_PROXY: undefined }, () => {
      expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1' }))).toBe('203.0.113.7')
    })
    withEnv({ TRUST_PROXY: 'true' }, () => {
      expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: '10.0.0.2', 'x-forwarded-for': '198.51.100.1, 10.0.0.2' }))).toBe('198.51.100.1')
    })
  })

  it('in production, refuses a request that did not come through our server, logging it once', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      withEnv({ NODE_ENV: 'production', TRUST_PROXY: undefined }, () => {
        expect(() => clientIp(new Headers())).toThrow(MissingClientIpError)
        expect(() => clientIp({})).toThrow(MISSING_CLIENT_IP)
        // what the portal does on itself has no reader: 'unknown', and no error
        expect(clientIp(new Headers(), { local: true })).toBe('unknown')
      })
      expect(logged).toHaveBeenCalledTimes(1)
      expect(logged).toHaveBeenCalledWith(`✗ ${MISSING_CLIENT_IP}`)
    } finally {
      logged.mockRestore()
    }
  })

  it("outside production (tests calling Payload's handlers directly) a missing header reads 'unknown'", () => {
    withEnv({ NODE_ENV: 'test', TRUST_PROXY: undefined }, () => expect(clientIp(new Headers())).toBe('unknown'))
  })
})
