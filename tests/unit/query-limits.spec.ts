/** The bounds of a REST or GraphQL read, as the environment sets them. */
import { queryLimitsFrom, refusalOf } from '../../src/limits/queries'

describe('query limits', () => {
  it('default to 100 documents a page, 2 levels deep for strangers', () => {
    expect(queryLimitsFrom({}, 10)).toEqual({ publicMaxLimit: 100, publicMaxDepth: 2, maxDepth: 10 })
  })

  it('follow PUBLIC_API_MAX_LIMIT and PUBLIC_API_MAX_DEPTH', () => {
    const limits = queryLimitsFrom({ PUBLIC_API_MAX_LIMIT: '20', PUBLIC_API_MAX_DEPTH: '0' }, 10)
    expect(refusalOf({ limit: 20, depth: 0 }, true, limits)).toBeNull()
    expect(refusalOf({ limit: 21 }, true, limits)).toBe('Tham số limit phải là số nguyên từ 1 đến 20.')
    expect(refusalOf({ depth: 1 }, true, limits)).toBe('Tham số depth phải là số nguyên từ 0 đến 0.')
  })

  it('keep their defaults when the environment says nonsense, and never let strangers past staff', () => {
    expect(queryLimitsFrom({ PUBLIC_API_MAX_LIMIT: 'many', PUBLIC_API_MAX_DEPTH: '-1' }, 10)).toMatchObject({ publicMaxLimit: 100, publicMaxDepth: 2 })
    expect(queryLimitsFrom({ PUBLIC_API_MAX_DEPTH: '50' }, 10).publicMaxDepth).toBe(10)
  })
})
