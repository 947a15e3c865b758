#!/usr/bin/env node
/**
 * `npm run bench:cluster`: the production topology measured (figures printed, never asserted).
 * Starts `npm run start:cluster` (nginx + two instances) on a fresh PostgreSQL database, then:
 *   - the article page through nginx against nginx serving the same bytes as a static file;
 *   - the article page from one instance directly against the portal's prerendered 404 page;
 *   - hits/s and votes/s through nginx (two instances) against one instance directly;
 *   - page weight and Lighthouse scores (mobile) of the article page through nginx;
 *   - each instance's resident memory under load.
 *   --seconds=N  duration of each measurement (default 10)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { BROWSER_HEADERS, CONNECTIONS, freePort, line, measure, postgresDatabase, seconds, startScript, WARM_UP_SECONDS } from './bench-common.mjs'

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

const rss = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024
  } catch {
    return NaN
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-cluster-'))
const staticDir = path.join(dir, 'static')
fs.mkdirSync(staticDir)
const db = await postgresDatabase(`portal_bench_cluster_${process.pid}`)

const [port, a, b] = [await freePort(), await freePort(), await freePort()]
const url = `http://127.0.0.1:${port}`
const cluster = startScript('cluster.mjs', {
  CLUSTER_PORT: String(port),
  APP_PORTS: `${a},${b}`,
  DATABASE_URI: db.uri,
  MEDIA_DIR: path.join(dir, 'media'),
  SECRET_FILE: path.join(dir, '.secret'),
  CLUSTER_STATIC_DIR: staticDir,
  JOBS_AUTORUN: 'false',
  RATING_VOTES_PER_IP_PER_DAY: '1000000000',
  STATS_HITS_PER_IP_PER_MINUTE: '1000000000',
})
const stop = async () => {
  await cluster.stop(3000)
  await db.drop().catch(() => {})
  fs.rmSync(dir, { recursive: true, force: true })
}

try {
  await cluster.ready(/Cụm sẵn sàng/)
  const pids = [a, b].map((p) => Number(new RegExp(`cổng ${p} \\(pid (\\d+)\\)`).exec(cluster.output())?.[1]))
  console.log(`Bench (cluster): nginx + 2 instances on PostgreSQL and Redis, ${CONNECTIONS} connections, ${seconds} s each, ${os.cpus().length} cores\n`)
  const list = await (await fetch(`${url}/api/articles?limit=1&depth=0&select[slug]=true`)).json()
  const article = list.docs[0]
  const articlePath = `/bai-viet/${article.slug}`

  // 1. Through nginx against nginx serving the same bytes from a file.
  const html = await (await fetch(`${url}${articlePath}`)).text()
  fs.writeFileSync(path.join(staticDir, 'article.html'), html)
  // compressed once, as the app's cached page is (nginx's gzip_static serves it to browsers)
  fs.writeFileSync(path.join(staticDir, 'article.html.gz'), zlib.gzipSync(html))
  // Both warmed up, then measured in turns (page, file, page, file): drift in the machine's speed
  // during a run weighs on both sides of the ratio alike.
  const cached = { url: `${url}${articlePath}`, headers: BROWSER_HEADERS }
  const file = { url: `${url}/__static/article.html`, headers: BROWSER_HEADERS }
  for (const target of [cached, file]) await measure({ ...target, duration: WARM_UP_SECONDS / 2 })
  const viaNginx = []
  const staticRates = []
  for (let turn = 0; turn < 2; turn += 1) {
    viaNginx.push(line(`nginx → GET ${articlePath.slice(0, 30)}…`, await measure(cached)))
    staticRates.push(line('nginx → the same bytes as a static file', await measure(file)))
  }
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
  console.log(
    `article through nginx vs static file: turns ${viaNginx.map((rate, i) => (rate / staticRates[i]).toFixed(2)).join(', ')}; ` +
      `means ${mean(viaNginx).toFixed(0)} vs ${mean(staticRates).toFixed(0)} req/s = ${(mean(viaNginx) / mean(staticRates)).toFixed(2)} (target ≥ 0.7)\n`,
  )

  // 2. One instance directly: the article against the prerendered 404 page.
  const direct = `http://127.0.0.1:${a}`
  await measure({ url: `${direct}${articlePath}`, headers: BROWSER_HEADERS, duration: WARM_UP_SECONDS })
  const articleDirect = line(`instance → GET ${articlePath.slice(0, 27)}…`, await measure({ url: `${direct}${articlePath}`, headers: BROWSER_HEADERS }))
  const notFound = line('instance → GET /trang-khong-ton-tai (404 page)', await measure({ url: `${direct}/trang-khong-ton-tai`, headers: BROWSER_HEADERS }), { countNon2xx: true })
  console.log(`article vs prerendered 404 page on one instance: ${(articleDirect / notFound).toFixed(2)} (target ≥ 0.9)\n`)

  // 3. Hits and votes: through nginx (two instances) against one instance directly.
  const hitRequest = (target) => ({
    url: `${target}/api/stats/hit`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: articlePath, article: article.id }),
    readers: UA,
  })
  const memory = []
  const sampler = setInterval(() => memory.push(...pids.map(rss)), 500)
  const hitsNginx = line('nginx → POST /api/stats/hit (2 instances)', await measure(hitRequest(url)))
  const hitsOne = line('instance → POST /api/stats/hit (1 instance)', await measure(hitRequest(direct)))
  console.log(`hits/s, two instances behind nginx vs one instance: ${(hitsNginx / hitsOne).toFixed(2)}`)
  const ratingPath = `/api/articles/${article.id}/rating`
  const vote = (target) => ({ url: `${target}${ratingPath}`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 4 }) })
  const votesNginx = line('nginx → POST rating (2 instances)', await measure(vote(url)))
  const votesOne = line('instance → POST rating (1 instance)', await measure(vote(direct)))
  console.log(`votes/s, two instances behind nginx vs one instance: ${(votesNginx / votesOne).toFixed(2)}`)
  clearInterval(sampler)
  const peak = Math.max(...memory.filter(Number.isFinite))
  console.log(`resident memory per instance under load: peak ${peak.toFixed(0)} MB (target ≤ 400 MB); now ${pids.map((p) => `${rss(p).toFixed(0)} MB`).join(', ')}\n`)

  // 4. Page weight and Lighthouse, mobile, through nginx.
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const result = await lighthouse(`${url}${articlePath}`, { port: chrome.port, output: 'json', logLevel: 'error' })
    const { categories, audits } = result.lhr
    const score = (key) => Math.round((categories[key]?.score ?? 0) * 100)
    console.log(
      `Lighthouse (mobile): performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')} (targets 95, 100, 100, 100)`,
    )
    console.log(
      `FCP ${(audits['first-contentful-paint'].numericValue / 1000).toFixed(2)} s (target < 1 s), LCP ${(audits['largest-contentful-paint'].numericValue / 1000).toFixed(2)} s (target < 1.5 s), ` +
        `transferred on first load ${(audits['total-byte-weight'].numericValue / 1024).toFixed(0)} KB (target ≤ 100 KB)`,
    )
    for (const key of ['performance', 'accessibility', 'best-practices', 'seo']) {
      const failing = categories[key].auditRefs
        .map((ref) => audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable')
        .map((audit) => audit.id)
      if (failing.length) console.log(`  ${key}: not full marks on ${failing.slice(0, 8).join(', ')}`)
    }
  } finally {
    await chrome.kill()
  }
} finally {
  await stop()
}
