/**
 * When the supervisor (scripts/supervise.mjs) starts a dead server again, and what it says about
 * why it died.
 */
// @ts-expect-error: a plain ES module of the scripts, without types
import { describeExit, exitCodeOf, nextRestart } from '../../scripts/supervise.mjs'

type Restart = { attempt: number; delayMs: number }
const restart = nextRestart as (previous: number, uptimeMs: number, backoff?: object) => Restart

/** The waits before each restart of a server that fails `times` times, `uptimeMs` after each start. */
function waits(times: number, uptimeMs: number, backoff?: object): number[] {
  let attempt = 0
  return Array.from({ length: times }, () => {
    const next = restart(attempt, uptimeMs, backoff)
    attempt = next.attempt
    return next.delayMs
  })
}

describe('the wait before a dead server is started again', () => {
  it('is 1 s after a first failure', () => {
    expect(restart(0, 200)).toEqual({ attempt: 1, delayMs: 1000 })
  })

  it('doubles while the server keeps failing quickly: 1, 2, 4, 8, 16 s', () => {
    expect(waits(5, 500)).toEqual([1000, 2000, 4000, 8000, 16_000])
  })

  it('never exceeds 30 s, however long the server keeps failing', () => {
    expect(waits(8, 500).slice(4)).toEqual([16_000, 30_000, 30_000, 30_000])
    expect(restart(10_000, 500).delayMs).toBe(30_000)
  })

  it('is back to 1 s once the server had stayed up for a minute', () => {
    expect(restart(6, 59_999)).toEqual({ attempt: 7, delayMs: 30_000 })
    expect(restart(6, 60_000)).toEqual({ attempt: 1, delayMs: 1000 })
    expect(waits(4, 10 * 60_000)).toEqual([1000, 1000, 1000, 1000])
  })

  it('follows the first wait, the ceiling and the time counted as stable that it is given', () => {
    const backoff = { firstDelayMs: 100, maxDelayMs: 500, stableMs: 2000 }
    expect(waits(5, 1000, backoff)).toEqual([100, 200, 400, 500, 500])
    expect(restart(4, 2000, backoff)).toEqual({ attempt: 1, delayMs: 100 })
  })
})

describe('why the server stopped, as the log says it', () => {
  it('names the signal that killed it', () => {
    expect(describeExit(null, 'SIGKILL')).toBe('tín hiệu SIGKILL')
  })

  it('gives the exit code of a crash', () => {
    expect(describeExit(1, null)).toBe('mã 1')
  })

  it('says when the server could not be run at all', () => {
    expect(describeExit(null, null, new Error('spawn node ENOENT'))).toBe('không chạy được: spawn node ENOENT')
  })

  it('reports a child ended by a signal with the exit code a shell would show', () => {
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143)
    expect(exitCodeOf(null, 'SIGKILL')).toBe(137)
    expect(exitCodeOf(3, null)).toBe(3)
    expect(exitCodeOf(0, null)).toBe(0)
  })
})
