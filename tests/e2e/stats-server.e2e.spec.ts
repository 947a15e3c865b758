/**
 * The hit path of the real server (scripts/server.mjs): no acknowledged hit is lost when the
 * process is killed with SIGKILL mid-load; a graceful stop writes what is pending; and, on
 * PostgreSQL, two instances on one database count exactly what one would.
 */
import { tokenOf } from '../helpers/abuse'
import { startApp, type RunningApp } from '../helpers/app'

const UA = (n: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 reader-${n}`
const ENV = { STATS_HITS_PER_IP_PER_MINUTE: '1000000' }

const adminToken = (app: RunningApp) => tokenOf(app, app.accounts.admin)

/** Today's site totals, from the report (which reads the rollups). */
async function todayTotals(app: RunningApp, token: string) {
  const response = await fetch(`${app.url}/api/stats/report`, { headers: { authorization: `JWT ${token}` } })
  expect(response.status).toBe(200)
  const report = (await response.json()) as { current: { series: { pageViews: number; visits: number }[] } }
  return report.current.series.at(-1)!
}

const hit = (app: RunningApp, reader: number) =>
  fetch(`${app.url}/api/stats/hit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': UA(reader) },
    body: JSON.stringify({ path: '/' }),
  })

describe('the hit path of the real server', () => {
  it('loses no acknowledged hit when killed with SIGKILL under load, and flushes on SIGTERM', async () => {
    let app = await startApp(ENV)
    const shared = { database: app.database, dir: app.dir }
    const accounts = app.accounts
    try {
      let acknowledged = 0
      let sent = 0
      let stop = false
      // 20 readers send hits in a loop until the server dies under them.
      const workers = Array.from({ length: 20 }, async (_, reader) => {
        while (!stop) {
          sent += 1
          try {
            const response = await hit(app, reader)
            if (response.status === 201) acknowledged += 1
            await response.arrayBuffer()
          } catch {
            return // the server is gone
          }
        }
      })
      // Kill it mid-load, once a good number of hits has been acknowledged.
      const deadline = Date.now() + 30_000
      while (acknowledged < 300 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      await app.kill()
      stop = true
      await Promise.all(workers)
      expect(acknowledged).toBeGreaterThanOrEqual(300)

      app = await startApp(ENV, { shared })
      app.accounts = accounts
      const token = await adminToken(app)
      const counted = await todayTotals(app, token)
      expect(counted.pageViews).toBeGreaterThanOrEqual(acknowledged)
      expect(counted.pageViews).toBeLessThanOrEqual(sent)

      // A graceful stop answers, and keeps, the hits it had accepted.
      const before = counted.pageViews
      const inFlight = Array.from({ length: 50 }, (_, i) => hit(app, 100 + i).then((r) => r.status))
      const stopping = app.stop()
      const statuses = await Promise.all(inFlight.map((p) => p.catch(() => 0)))
      await stopping
      app = await startApp(ENV, { shared })
      app.accounts = accounts
      const after = await todayTotals(app, await adminToken(app))
      expect(after.pageViews - before).toBeGreaterThanOrEqual(statuses.filter((s) => s === 201).length)
    } finally {
      await app.stop()
      await shared.database.drop()
    }
  })

  const onPostgres = process.env.TEST_DATABASE_URI ? it : it.skip
  onPostgres('two instances on one PostgreSQL count exactly what one would', async () => {
    const a = await startApp(ENV)
    const shared = { database: a.database, dir: a.dir }
    const b = await startApp(ENV, { shared })
    try {
      const token = await adminToken(a)
      const before = await todayTotals(a, token)
      // 50 readers, 8 hits each, spread over both instances at once: 400 page views, 50 visits.
      const statuses = await Promise.all(
        Array.from({ length: 400 }, (_, i) => hit(i % 2 ? a : b, 1000 + (i % 50)).then(async (r) => (await r.arrayBuffer(), r.status))),
      )
      expect(statuses.filter((s) => s === 201).length).toBe(400)
      const after = await todayTotals(b, token)
      expect(after.pageViews - before.pageViews).toBe(400)
      expect(after.visits - before.visits).toBe(50)
    } finally {
      await b.stop()
      await a.stop()
      await shared.database.drop()
    }
  })
})
