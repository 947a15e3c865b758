/**
 * Keeps a child process running (`npm start` supervises the server with it).
 *
 * Any exit the supervisor did not ask for is a failure and the child is started again: a non-zero
 * code (an uncaught error), a signal it did not send (SIGKILL from the kernel's out-of-memory
 * killer or an operator's `kill -9`, SIGABRT from V8 running out of heap), and also code 0. The
 * server never exits 0 on its own, only after SIGTERM/SIGINT, so a 0 we did not cause means someone
 * signalled the server itself; a portal that stays down because of that is worse than one that
 * comes back, and systemd's Restart=always does the same.
 *
 * Quick failures back off: 1 s, 2 s, 4 s ... up to 30 s, so a server that cannot start (a database
 * that is down, a port taken) is retried without a hot loop; once a child has stayed up for
 * `stableMs` (60 s) its failure counts as the first again.
 *
 * SIGTERM/SIGINT to the supervisor are passed to the child and nothing is restarted: the server
 * stops gracefully (writes pending hits) and the supervisor's `exited` resolves with its code.
 */
import { spawn } from 'node:child_process'
import os from 'node:os'

/** @typedef {{ firstDelayMs?: number, maxDelayMs?: number, stableMs?: number }} Backoff */

export const FIRST_DELAY_MS = 1000
export const MAX_DELAY_MS = 30_000
export const STABLE_MS = 60_000

/**
 * The next restart after a child ran `uptimeMs` and failed, given the attempt before it (0 when
 * none): the attempt's number in the current run of quick failures and the wait before it.
 *
 * @param {number} previousAttempt
 * @param {number} uptimeMs
 * @param {Backoff} [backoff]
 * @returns {{ attempt: number, delayMs: number }}
 */
export function nextRestart(previousAttempt, uptimeMs, backoff = {}) {
  const { firstDelayMs = FIRST_DELAY_MS, maxDelayMs = MAX_DELAY_MS, stableMs = STABLE_MS } = backoff
  const attempt = uptimeMs >= stableMs ? 1 : previousAttempt + 1
  // 2 ** 30 is far past any maximum; capping the exponent keeps the number finite.
  return { attempt, delayMs: Math.min(firstDelayMs * 2 ** Math.min(attempt - 1, 30), maxDelayMs) }
}

/**
 * Why a child ended, in the operator's words.
 *
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 * @param {Error} [error]
 */
export function describeExit(code, signal, error) {
  if (error) return `không chạy được: ${error.message}`
  if (signal) return `tín hiệu ${signal}`
  return `mã ${code}`
}

/** The exit code a shell would report for a child that ended this way. */
export function exitCodeOf(code, signal) {
  if (code !== null) return code
  return 128 + (os.constants.signals[signal] ?? 0)
}

/**
 * @typedef {object} SuperviseOptions
 * @property {string} command
 * @property {string[]} [args]
 * @property {import('node:child_process').SpawnOptions} [spawnOptions] cwd, env, stdio, ...
 * @property {string} [name] what the child is, at the start of log lines ('Máy chủ')
 * @property {(child: import('node:child_process').ChildProcess, start: number) => void} [onStart]
 *   called with every child started (start 1 is the first), e.g. to read its piped output
 * @property {(line: string) => void} [log] where restarts are reported (console.error)
 * @property {NodeJS.Signals[]} [signals] handled by this process and passed to the child
 * @property {Backoff['firstDelayMs']} [firstDelayMs]
 * @property {Backoff['maxDelayMs']} [maxDelayMs]
 * @property {Backoff['stableMs']} [stableMs]
 */

/**
 * Starts `command` and keeps it running until `stop` (or one of `signals`) is received.
 * `exited` resolves once the last child is gone, with its exit code (0 when stopped while
 * waiting to restart: nothing was running and the stop succeeded).
 *
 * @param {SuperviseOptions} options
 */
export function supervise(options) {
  const { command, args = [], spawnOptions = {}, name = 'Máy chủ', onStart, log = console.error } = options
  const backoff = { firstDelayMs: options.firstDelayMs, maxDelayMs: options.maxDelayMs, stableMs: options.stableMs }
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null
  let starts = 0
  let attempt = 0
  let stopping = false
  /** @type {NodeJS.Timeout | undefined} */
  let timer
  /** @type {(code: number) => void} */
  let finish
  const exited = /** @type {Promise<number>} */ (new Promise((resolve) => (finish = resolve)))

  function start() {
    timer = undefined
    const startedAt = Date.now()
    const current = spawn(command, args, spawnOptions)
    child = current
    starts += 1
    let ended = false
    const end = (code, signal, error) => {
      if (ended) return
      ended = true
      child = null
      if (stopping) {
        // Let the child's last output through (its pipes close just after it exits), briefly.
        const done = () => finish(error ? 1 : exitCodeOf(code, signal))
        if (current.stdout || current.stderr) {
          const grace = setTimeout(done, 1000)
          current.once('close', () => (clearTimeout(grace), done()))
        } else done()
        return
      }
      const next = nextRestart(attempt, Date.now() - startedAt, backoff)
      attempt = next.attempt
      const seconds = Math.round(next.delayMs / 100) / 10
      log(`✗ ${name} dừng bất thường (${describeExit(code, signal, error)}); khởi động lại sau ${seconds} s (lần ${attempt})`)
      timer = setTimeout(start, next.delayMs)
    }
    current.once('exit', (code, signal) => end(code, signal))
    // 'on', not 'once': a second error (a failed kill) must not be an uncaught one
    current.on('error', (error) => {
      if (current.pid === undefined) end(null, null, error)
    })
    onStart?.(current, starts)
  }

  /** Passes `signal` to the child and restarts nothing from now on. */
  function stop(signal = /** @type {NodeJS.Signals} */ ('SIGTERM')) {
    stopping = true
    if (timer) {
      clearTimeout(timer)
      timer = undefined
      finish(0)
    }
    child?.kill(signal)
    return exited
  }

  for (const signal of options.signals ?? ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal))
  start()
  return {
    stop,
    exited,
    /** The child running now, if any (none while waiting to restart). */
    get child() {
      return child
    },
    get starts() {
      return starts
    },
  }
}
