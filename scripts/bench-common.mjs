/** What `npm run bench` and `npm run bench:cluster` share: a free port, a measurement, a printed line. */
import net from 'node:net'

import autocannon from 'autocannon'

export const CONNECTIONS = 50

/** --seconds=N from the command line: the duration of each measurement (default 10). */
export const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 10)

export function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** autocannon at CONNECTIONS connections for `seconds`, quietly. */
export function measure(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: seconds, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false })
  })
}

/**
 * Prints a measurement and answers its rate: 2xx answers per second, or every answer for a page
 * meant to be a 404 (`countNon2xx`).
 */
export function line(label, result, { countNon2xx = false, width = 52 } = {}) {
  const ok = result['2xx'] + (countNon2xx ? result.non2xx : 0)
  const rate = ok / (result.duration || seconds)
  console.log(
    `${label.padEnd(width)} ${rate.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   non-2xx ${result.non2xx}`,
  )
  return rate
}
