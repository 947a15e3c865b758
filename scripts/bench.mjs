#!/usr/bin/env node
/**
 * `npm run bench`: load figures for the running app, printed, never asserted. Starts the built
 * app (`npm start`: migrate, seed, serve) on a fresh database, then measures on loopback with wrk
 * (see bench-common.mjs). Compare figures within one run: this machine's noise moves absolute numbers.
 *   --postgres   use a fresh PostgreSQL database (BENCH_POSTGRES_URI, default the local server)
 *   --seconds=N  duration of each measurement (default 10)
 *   --only=pages,votes,hits,report,abuse,backup,redirects   some of the parts
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { BROWSER_HEADERS, CONNECTIONS, freePort, line, measure, postgresDatabase, seconds, startScript, WARM_UP_SECONDS } from './bench-common.mjs'

import { generateRollups } from './bench-rollups.mjs'
import { backupDuringReads } from './bench-backup.mjs'
import { fillRedirects, redirectTableMemory, REDIRECT_ROWS, touchRedirects } from './bench-redirects.mjs'

const args = process.argv.slice(2)
const usePostgres = args.includes('--postgres')
const only = args
  .find((a) => a.startsWith('--only='))
  ?.split('=')[1]
  ?.split(',')
/** --only=pages,votes,hits,report,abuse,backup,redirects runs just those parts. */
const want = (part) => !only || only.includes(part)

console.log(`Bench: ${usePostgres ? 'PostgreSQL' : 'SQLite'}, ${CONNECTIONS} connections, ${seconds} s each, ${os.cpus().length} cores`)

/**
 * The built app (`npm start`) on a fresh database of its own; `env` adds to or overrides the
 * bench's settings. Resolves once it serves, with its URL, its admin's token and a stop.
 */
async function launch(name, env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'))
  const db = usePostgres ? await postgresDatabase(`portal_bench_${name}_${process.pid}`) : { uri: `file:${path.join(dir, 'bench.db')}`, drop: async () => {} }
  const port = await freePort()
  const app = startScript('start.mjs', {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URI: db.uri,
    MEDIA_DIR: path.join(dir, 'media'),
    SECRET_FILE: path.join(dir, '.secret'),
    JOBS_AUTORUN: 'false',
    // every request below comes from 127.0.0.1: lift the per-IP caps so that the server is
    // measured, not its refusals (the abuse part keeps the stranger's meter)
    RATING_VOTES_PER_IP_PER_DAY: '1000000000',
    STATS_HITS_PER_IP_PER_MINUTE: '1000000000',
    ANON_REQUESTS_PER_IP_PER_MINUTE: '1000000000',
    ...env,
  })
  const stop = async () => {
    await app.stop(1000)
    await db.drop().catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    await app.ready(/Trang quản trị/)
    const url = `http://127.0.0.1:${port}`
    const [, email, password] = /^\s+admin\s+(\S+@\S+)\s+(\S+)$/m.exec(app.output()) ?? []
    const login = await (
      await fetch(`${url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    ).json()
    return { url, db, token: login.token, stop, output: app.output, mediaDir: path.join(dir, 'media') }
  } catch (error) {
    await stop()
    throw error
  }
}

const running = []
try {
  const main = await launch('main')
  running.push(main)
  const { url, db } = main
  const login = { token: main.token }
  const auth = { authorization: `JWT ${login.token}` }
  const list = await (await fetch(`${url}/api/articles?limit=1&depth=0&select[slug]=true`)).json()
  const article = list.docs[0]
  const ratingPath = `/api/articles/${article.id}/rating`
  const articlePath = `/bai-viet/${article.slug}`
  const notFoundPath = '/trang-khong-ton-tai'

  // Pages: the article against the portal's own 404 page, both rendered once then served from
  // cache, asked for as a browser does (compressed). Our server answers both from the page bytes
  // it keeps (scripts/page-bytes.mjs); with a query string it hands them to Next, which serves
  // them from its cache.
  if (want('pages')) {
    const page = (path) => ({ url: `${url}${path}`, headers: BROWSER_HEADERS })
    for (const path of [articlePath, notFoundPath, `${articlePath}?qua-next=1`, `${notFoundPath}?qua-next=1`]) {
      await fetch(`${url}${path}`, { headers: BROWSER_HEADERS })
    }
    await measure({ ...page(articlePath), duration: WARM_UP_SECONDS })
    console.log('')
    const articleResult = await measure(page(articlePath))
    const articleRate = line(`GET ${articlePath.slice(0, 38)}…`, articleResult)
    const notFoundRate = line(`GET ${notFoundPath} (404 page)`, await measure(page(notFoundPath)), { countNon2xx: true })
    await measure({ ...page(`${articlePath}?qua-next=1`), duration: WARM_UP_SECONDS })
    const throughNext = await measure(page(`${articlePath}?qua-next=1`))
    const articleNextRate = line('  the article through Next (?qua-next=1)', throughNext)
    const notFoundNextRate = line('  the 404 page through Next (?qua-next=1)', await measure(page(`${notFoundPath}?qua-next=1`)), { countNon2xx: true })
    // bytes on the wire (fetch would decompress)
    const size = (path, headers) =>
      new Promise((resolve, reject) =>
        http
          .get(`${url}${path}`, { headers }, (response) => {
            let bytes = 0
            response.on('data', (chunk) => (bytes += chunk.length))
            response.on('end', () => resolve(`${(bytes / 1024).toFixed(1)} KB`))
          })
          .on('error', reject),
      )
    console.log(
      `page sizes as sent: article ${await size(articlePath, BROWSER_HEADERS)} (${await size(articlePath, { 'accept-encoding': 'identity' })} uncompressed), ` +
        `404 page ${await size(notFoundPath, BROWSER_HEADERS)} (${await size(notFoundPath, { 'accept-encoding': 'identity' })} uncompressed)`,
    )
    console.log(`article page vs 404 page, both from the page bytes: ${(articleRate / notFoundRate).toFixed(2)} (target ≥ 0.9), article p99 ${articleResult.latency.p99} ms (target < 100 ms)`)
    console.log(`article page from the page bytes vs the prerendered 404 page served by Next: ${(articleRate / notFoundNextRate).toFixed(2)}`)
    console.log(`both through Next: ${(articleNextRate / notFoundNextRate).toFixed(2)}, article p99 ${throughNext.latency.p99} ms`)
  }

  if (want('votes')) {
    // warm up the routes once
    await measure({ url: `${url}${ratingPath}`, duration: WARM_UP_SECONDS })

    console.log('')
    const reads = line(`GET ${ratingPath} (read totals)`, await measure({ url: `${url}${ratingPath}` }))
    const before = await (await fetch(`${url}${ratingPath}`)).json()
    const votes = await measure({
      url: `${url}${ratingPath}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // no cookie is sent back: every request is a new voter
      body: JSON.stringify({ score: 4 }),
    })
    const voteRate = line(`POST ${ratingPath} (distinct voters)`, votes)
    const after = await (await fetch(`${url}${ratingPath}`)).json()
    console.log('')
    console.log(`votes/s vs reads/s in this run: ${(voteRate / reads).toFixed(2)}`)
    // Requests still in flight when the clock stops are counted by the server but not by wrk.
    const counted = after.count - before.count
    const inFlight = counted - votes['2xx']
    console.log(
      `exactness: ${votes['2xx']} votes acknowledged, ${counted} counted (${inFlight} in flight at the stop, at most ${CONNECTIONS}); ` +
        `total grew by ${after.total - before.total} = 4 × ${counted}: ${after.total - before.total === 4 * counted ? 'exact' : 'NOT EXACT'}`,
    )
  }

  // Hits: the custom server's fast path against a trivial Next route handler, same run. Both are
  // warmed up, then measured in turns (floor, hits, floor, hits) so that drift in the machine's
  // speed and in the process's heap falls on both alike.
  if (want('hits')) {
    console.log('')
    const today = () =>
      fetch(`${url}/api/stats/report`, { headers: auth })
        .then((r) => r.json())
        .then((r) => r.current.series.at(-1))
    const hitRequest = {
      url: `${url}/api/stats/hit`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: articlePath, article: article.id, referrer: 'https://www.google.com/', screen: 1280 }),
      // a new visitor every 20 hits: presence, visits and distinct-visitor marks are all exercised
      readers: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    }
    await measure({ url: `${url}/api/live`, duration: WARM_UP_SECONDS })
    await measure({ ...hitRequest, readers: `${hitRequest.readers} warm-up`, duration: WARM_UP_SECONDS })
    const floors = []
    const rates = []
    for (const round of [1, 2]) {
      floors.push(line(`GET /api/live (trivial Next route handler), round ${round}`, await measure({ url: `${url}/api/live` }), { width: 60 }))
      await new Promise((resolve) => setTimeout(resolve, 500)) // hits still in flight from before commit
      const before = await today()
      const hits = await measure({ ...hitRequest, readers: `${hitRequest.readers} round ${round}` })
      rates.push(line(`POST /api/stats/hit (acknowledged, group commit), round ${round}`, hits, { width: 60 }))
      await new Promise((resolve) => setTimeout(resolve, 500))
      const after = await today()
      const counted = after.pageViews - before.pageViews
      console.log(
        `  exactness: ${hits['2xx']} hits acknowledged, ${counted} counted as page views (${counted - hits['2xx']} in flight at the stop, at most ${CONNECTIONS}), ` +
          `${after.bots - before.bots} as bots, ${after.visits - before.visits} visits`,
      )
    }
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
    console.log(
      `hits/s vs trivial Next route in this run: ${rates.map((rate, i) => `${(rate / floors[i]).toFixed(1)}×`).join(', ')}; ` +
        `means ${mean(rates).toFixed(0)} vs ${mean(floors).toFixed(0)} req/s = ${(mean(rates) / mean(floors)).toFixed(1)}× (target ≥ 10×)`,
    )
  }

  // Readers first under abuse: the article page's p99 at 50 connections alone, and while four
  // clients abuse the server (bodies at and over the cap, costly lists and searches, a flood of bad
  // input), measured in turns (alone, abused, alone, abused); the ratio of the means.
  if (want('abuse')) {
    console.log('')
    // its own app, with the stranger's meter at its default (throttle.mjs)
    const abused = await launch('abuse', { ANON_REQUESTS_PER_IP_PER_MINUTE: '' })
    running.push(abused)
    const url = abused.url
    const serverPid = Number([...abused.output().matchAll(/\(pid (\d+)\)/g)].at(-1)?.[1])
    /** CPU time a process has used, in ms (utime + stime from /proc, in clock ticks of 10 ms). */
    const cpuOf = (pid) => {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      return (Number(fields[11]) + Number(fields[12])) * 10
    }
    const page = { url: `${url}${articlePath}`, headers: BROWSER_HEADERS }
    await fetch(page.url, { headers: BROWSER_HEADERS })
    await measure({ ...page, duration: WARM_UP_SECONDS })
    // the abusers' paths warmed up too (Payload's routes, the search page), from another address,
    // while readers read: the heap reaches the size it keeps under abuse before anything is measured
    const warmUp = abuse(url, article, '127.0.0.3')
    warmUp.start()
    await measure({ ...page, duration: WARM_UP_SECONDS })
    await warmUp.stop()
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const abusers = abuse(url, article, '127.0.0.2')
    const alone = []
    const loudP99 = []
    for (const round of [1, 2]) {
      const quiet = await measure(page)
      line(`GET ${articlePath.slice(0, 30)}… alone, round ${round}`, quiet, { width: 56 })
      alone.push(Number(quiet.latency.p99))
      const server = cpuOf(serverPid)
      const own = process.cpuUsage()
      const started = performance.now()
      abusers.start()
      const loud = await measure(page)
      const done = await abusers.stop()
      const wall = (performance.now() - started) * 1000
      const abuserCpu = Object.values(process.cpuUsage(own)).reduce((a, b) => a + b, 0)
      line(`GET ${articlePath.slice(0, 30)}… under abuse, round ${round}`, loud, { width: 56 })
      console.log(`  abusers: ${Object.entries(done).map(([name, statuses]) => `${name} ${statuses}`).join('; ')}`)
      console.log(`  CPU while abused: the server ${Math.round((cpuOf(serverPid) - server) / (wall / 1e6) / 10)}% of a core, the abusers' own process ${Math.round((abuserCpu / wall) * 100)}%`)
      await new Promise((resolve) => setTimeout(resolve, 2000)) // lingering connections close before the next round
      loudP99.push(Number(loud.latency.p99))
    }
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
    console.log(
      `article p99 under abuse vs alone: ${loudP99.map((p99, i) => `${p99} vs ${alone[i]} ms`).join(', ')}; ` +
        `means ${mean(loudP99).toFixed(1)} vs ${mean(alone).toFixed(1)} ms = ${(mean(loudP99) / mean(alone)).toFixed(2)}× (target ≤ 2×)`,
    )
  }

  // A generated year of rollups for 10,000 articles, once, for the report and the backup.
  let rollups = null
  const yearOfRollups = () =>
    (rollups ??= (async () => {
      console.log('')
      const started = Date.now()
      const generated = await generateRollups(db.uri, new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()))
      console.log(
        `generated ${generated.toLocaleString('en-US')} rollup rows (a year, 10,000 articles) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      )
    })())

  if (want('backup')) {
    await yearOfRollups()
    await backupDuringReads({ url, db, mediaDir: main.mediaDir, articlePath, postgres: usePostgres })
  }

  // Redirects: the article page (a miss for the redirect table) with no redirect, then with
  // 30,000 NukeViet-shaped rows in the table, in turns (without, with, without, with); and a hit.
  if (want('redirects')) {
    console.log('')
    const page = { url: `${url}${articlePath}`, headers: BROWSER_HEADERS }
    await fetch(page.url, { headers: BROWSER_HEADERS })
    await measure({ ...page, duration: WARM_UP_SECONDS })
    const loaded = async (count, before) => {
      const deadline = Date.now() + 60_000
      const pattern = new RegExp(`Chuyển hướng: ${count.toLocaleString('vi-VN').replace(/\./g, '\\.')} địa chỉ cũ`)
      while (Date.now() < deadline) {
        // the line printed after the rows were written, not the last round's
        if (pattern.test(main.output().slice(before))) return
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      throw new Error(`the server did not load ${count} redirects`)
    }
    const without = []
    const withRows = []
    let sample = null
    for (const round of [1, 2]) {
      await fillRedirects(db.uri, 0)
      await new Promise((resolve) => setTimeout(resolve, 6000)) // a version check (5 s) empties the table
      without.push(line(`GET ${articlePath.slice(0, 30)}… no redirects, round ${round}`, await measure(page), { width: 60 }))
      const started = Date.now()
      const printed = main.output().length
      sample = await fillRedirects(db.uri, REDIRECT_ROWS)
      const inserted = Date.now() - started
      await loaded(REDIRECT_ROWS, printed)
      const load = /nạp trong (\d+) ms/.exec(main.output().split('\n').filter((l) => l.includes('Chuyển hướng:')).at(-1) ?? '')?.[1]
      console.log(`  ${REDIRECT_ROWS.toLocaleString('en-US')} rows written in ${inserted} ms; the server read them in ${load} ms`)
      withRows.push(line(`GET ${articlePath.slice(0, 30)}… ${REDIRECT_ROWS.toLocaleString('en-US')} redirects, round ${round}`, await measure(page), { width: 60 }))
    }
    // while the server reads the 30,000 rows again (a row changed elsewhere), twice in the measurement
    const reloads = (async () => {
      for (const wait of [1000, 5500]) {
        await new Promise((resolve) => setTimeout(resolve, wait))
        await touchRedirects(db.uri)
      }
    })()
    line(`GET ${articlePath.slice(0, 30)}… while the table reloads`, await measure(page), { width: 60 })
    await reloads
    const reloadTimes = main.output().split('\n').filter((l) => l.includes('Chuyển hướng:')).slice(-2).map((l) => /nạp trong (\d+) ms/.exec(l)?.[1])
    console.log(`  reloads in that measurement took ${reloadTimes.join(' and ')} ms`)
    const hits = await measure({ url: `${url}${sample}`, headers: BROWSER_HEADERS })
    line(`GET ${sample.slice(0, 40)}… (301 from memory)`, hits, { width: 60, countNon2xx: true })
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
    console.log(
      `article page with ${REDIRECT_ROWS.toLocaleString('en-US')} redirects vs none: ${mean(withRows).toFixed(0)} vs ${mean(without).toFixed(0)} req/s = ${(mean(withRows) / mean(without)).toFixed(3)}`,
    )
    const memory = await redirectTableMemory(REDIRECT_ROWS)
    console.log(`the table's memory for ${REDIRECT_ROWS.toLocaleString('en-US')} rows: ${(memory.heap / 1024 / 1024).toFixed(1)} MB of heap measured, ${(memory.counted / 1024 / 1024).toFixed(1)} MB counted against REDIRECTS_MAX_MB`)
  }

  if (want('report')) {
    // The report over the generated year of rollups.
    await yearOfRollups()
    const day = (offset) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + offset * 86_400_000))
    for (const [label, query] of [
      ['today by hour', `from=${day(0)}&to=${day(0)}&granularity=hour`],
      ['7 days by hour', `from=${day(-6)}&to=${day(0)}&granularity=hour`],
      ['30 days by day', `from=${day(-29)}&to=${day(0)}&granularity=day`],
      ['12 months by month', `from=${day(-364)}&to=${day(0)}&granularity=month`],
      ['a year by day', `from=${day(-364)}&to=${day(0)}&granularity=day`],
    ]) {
      const times = []
      for (let i = 0; i < 40; i += 1) {
        const t0 = performance.now()
        const response = await fetch(`${url}/api/stats/report?${query}`, {
          headers: auth,
        })
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(`report ${query}: ${response.status}`)
        times.push(performance.now() - t0)
      }
      times.sort((a, b) => a - b)
      const p = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1)
      console.log(
        `GET /api/stats/report ${label.padEnd(20)} p50 ${p(0.5).padStart(6)} ms   p95 ${p(0.95).padStart(6)} ms (target p95 < 50 ms, whole request)`,
      )
    }
  }
} finally {
  for (const app of running) await app.stop()
}

/**
 * Four abusive clients on one address, each one request at a time (paced, see RATE): anonymous
 * bodies at the 1 MB cap (read and parsed, then refused) and 64 MB over it (refused by length), anonymous lists of 100 articles two
 * levels deep, searches (rendered per request), and a flood of malformed requests.
 */
function abuse(base, article, ABUSER_ADDRESS) {
  const MB = 1024 * 1024
  // The abusers come from an address of their own (all of 127.0.0.0/8 is this machine), as they
  // would in life: the readers (wrk, from 127.0.0.1) are not the ones the meter stops.
  // Each client is paced (BENCH_ABUSE_RATE requests a second, default 250; the bodies 25, that is
  // 25-50 MB/s, more than a province's uplink carries): unpaced on this 2-core machine, the
  // abusers' process and the kernel copying their bodies over loopback take the CPU that wrk and
  // the server need (measured: the server's event loop idle 65% of the time while readers' p99
  // was 190 ms), and the figure would measure the machine, not the server.
  const RATE = Number(process.env.BENCH_ABUSE_RATE || 250)
  const BODY_RATE = Number(process.env.BENCH_ABUSE_BODY_RATE || 25)
  const atCap = JSON.stringify({ title: 'x'.repeat(MB - 100) })
  const send = (path, init = {}) =>
    new Promise((resolve) => {
      const request = http.request(`${base}${path}`, { method: init.method ?? 'GET', headers: init.headers ?? {}, localAddress: ABUSER_ADDRESS }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode))
      })
      request.on('error', () => resolve('error'))
      if (init.length) {
        // over the cap: declared, then sent until the answer comes
        const chunk = Buffer.alloc(64 * 1024, 0x61)
        let sent = 0
        const pump = () => {
          while (sent < init.length && !request.destroyed) {
            sent += chunk.length
            if (!request.write(chunk)) return void request.once('drain', pump)
          }
          request.end()
        }
        request.once('response', () => (sent = init.length))
        pump()
      } else request.end(init.body)
    })
  const json = { 'content-type': 'application/json' }
  const clients = {
    'bodies (1 MB article, 64 MB refused)': (n) =>
      n % 2 ? send('/api/articles', { method: 'POST', headers: json, body: atCap }) : send('/api/articles', { method: 'POST', headers: { ...json, 'content-length': 64 * MB }, length: 64 * MB }),
    'lists (100 articles, depth 2)': (n) => send(`/api/articles?limit=100&depth=2&page=${(n % 3) + 1}`),
    'searches': (n) => send(`/tim-kiem?q=${encodeURIComponent(['cải cách hành chính', 'tin tức', 'du lịch', 'kinh tế'][n % 4])}&n=${n}`),
    'bad input': (n) =>
      send(['/api/articles/abc', `/api/articles?where[id][in]=1,2,abc`, '/bai-viet/%ff', '/api/images/file/khong-co.png', `/api/articles/${article.id}/rating?x=${n}`][n % 5]),
  }
  let running = false
  let loops = []
  const tallies = {}
  return {
    start() {
      running = true
      const chosen = process.env.BENCH_ABUSERS?.split(',')
      loops = Object.entries(clients)
        .filter(([name]) => !chosen || chosen.some((word) => name.startsWith(word)))
        .map(async ([name, next]) => {
        const tally = (tallies[name] = {})
        const rate = name.startsWith('bodies') ? BODY_RATE : RATE
        const started = performance.now()
        for (let n = 0; running; n++) {
          const status = await next(n)
          tally[status] = (tally[status] ?? 0) + 1
          const due = started + ((n + 1) * 1000) / rate
          if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()))
        }
      })
    },
    async stop() {
      running = false
      await Promise.all(loops)
      const summary = Object.fromEntries(Object.entries(tallies).map(([name, tally]) => [name, Object.entries(tally).map(([status, count]) => `${count}×${status}`).join(' ')]))
      for (const name of Object.keys(tallies)) delete tallies[name]
      return summary
    },
  }
}
