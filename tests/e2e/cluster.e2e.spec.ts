/**
 * The production topology (`npm run start:cluster`): nginx in front of two instances on one
 * PostgreSQL, with Redis. A page published through one instance is public through nginx within
 * 10 s; hits and votes spread over both instances add up exactly; the rate limit is shared; the
 * shared cache never serves an editor's view or a draft to the public; and the portal keeps
 * answering when an instance dies.
 */
import { paragraph, richText } from '../../src/seed/lexical'
import { type Cluster, NGINX, startCluster } from '../helpers/cluster'

// The cluster runs on PostgreSQL: this file runs in the PostgreSQL pass of the suite.
const onPostgres = Boolean(process.env.TEST_DATABASE_URI)
if (onPostgres && !NGINX) {
  if (process.env.CI) throw new Error('nginx is missing: apt-get install -y nginx (the cluster tests cannot run in CI without it)')
  console.warn('\n!! nginx not found: THE CLUSTER TESTS ARE SKIPPED. Install it: apt-get install -y nginx\n')
}
const describeCluster = onPostgres && NGINX ? describe : describe.skip

const VOTE_LIMIT = 5
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

describeCluster('nginx in front of two instances', () => {
  let cluster: Cluster
  let token: string
  let category: number

  const api = async (base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  const createArticle = async (base: string, title: string, status: 'published' | 'draft') => {
    const response = await api(base, 'POST', `/articles${status === 'draft' ? '?draft=true' : ''}`, {
      title,
      lead: 'Sapo thử nghiệm cụm máy chủ.',
      body: richText([paragraph('Nội dung thử nghiệm.')]),
      byline: 'Ban biên tập',
      primaryCategory: category,
      _status: status,
    })
    expect(response.status).toBe(201)
    return ((await response.json()) as { doc: { id: number; slug: string } }).doc
  }

  const today = async (base: string) => {
    const response = await api(base, 'GET', '/stats/report')
    return ((await response.json()) as { current: { series: { pageViews: number }[] } }).current.series.at(-1)!
  }

  beforeAll(async () => {
    cluster = await startCluster({
      RATING_VOTES_PER_IP_PER_DAY: String(VOTE_LIMIT),
      STATS_HITS_PER_IP_PER_MINUTE: '1000000',
      // both instances work the job queue, every 2 s (scheduled publishing)
      JOBS_AUTORUN: 'true',
      JOBS_CRON: '*/2 * * * * *',
    })
    const login = await fetch(`${cluster.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cluster.accounts.admin),
    })
    token = ((await login.json()) as { token: string }).token
    category = ((await (await api(cluster.url, 'GET', '/categories?limit=1&depth=0')).json()) as { docs: { id: number }[] }).docs[0]!.id
  }, 600_000)

  afterAll(async () => cluster?.stop())

  it('micro-caches public pages: public Cache-Control from the app, a HIT from nginx the second time', async () => {
    const first = await fetch(`${cluster.url}/`)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30')
    await first.text()
    const second = await fetch(`${cluster.url}/`)
    expect(second.headers.get('x-cache')).toBe('HIT')
    // never /api or /admin
    const health = await fetch(`${cluster.url}/api/health`)
    expect(health.status).toBe(200)
    expect(health.headers.get('x-cache')).toBeNull()
  })

  it('an article published through instance A is public through nginx, and on instance B, within 10 s', async () => {
    const [a, b] = cluster.instances
    const home = async (base: string) => (await fetch(`${base}/`)).text()
    await home(cluster.url) // cached by nginx and by both instances
    await home(b!.url)
    const title = `Tin mới đăng qua máy chủ A ${Date.now()}`
    const article = await createArticle(a!.url, title, 'published')
    const started = Date.now()
    let seenOnNginx = false
    let seenOnB = false
    while (Date.now() - started < 10_000 && !(seenOnNginx && seenOnB)) {
      seenOnNginx ||= (await fetch(`${cluster.url}/bai-viet/${article.slug}`)).status === 200 && (await home(cluster.url)).includes(title)
      seenOnB ||= (await home(b!.url)).includes(title)
      if (!(seenOnNginx && seenOnB)) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect({ seenOnNginx, seenOnB }).toEqual({ seenOnNginx: true, seenOnB: true })
  })

  it('an article scheduled through instance A appears, on time, on both instances and through nginx, where its address answered 404 before', async () => {
    const [a, b] = cluster.instances
    const title = `Tin hẹn giờ trên cụm máy chủ ${Date.now()}`
    const article = await createArticle(a!.url, title, 'draft')
    const shows = async (base: string) =>
      (await fetch(`${base}/bai-viet/${article.slug}`)).status === 200 && (await (await fetch(`${base}/`)).text()).includes(title)
    // the 404 and the home page without it, cached everywhere first
    for (const base of [cluster.url, a!.url, b!.url]) {
      expect((await fetch(`${base}/bai-viet/${article.slug}`)).status).toBe(404)
      expect(await shows(base)).toBe(false)
    }
    const at = new Date(Date.now() + 3000)
    expect((await api(a!.url, 'POST', `/articles/${article.id}/schedule`, { at: at.toISOString(), action: 'publish' })).status).toBe(201)
    const seen: Record<string, number> = {}
    while (Date.now() < at.getTime() + 20_000 && Object.keys(seen).length < 3) {
      for (const [name, base] of [['nginx', cluster.url], ['A', a!.url], ['B', b!.url]] as const) {
        if (!(name in seen) && (await shows(base))) seen[name] = Date.now() - at.getTime()
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(Object.keys(seen).sort()).toEqual(['A', 'B', 'nginx'])
    // not before its time; within the queue's 2 s, plus nginx's 5 s micro-cache
    for (const after of Object.values(seen)) expect(after).toBeGreaterThanOrEqual(0)
    expect(Math.max(seen.A!, seen.B!)).toBeLessThan(5000)
    expect(seen.nginx).toBeLessThan(10_000)
  })

  it('hits spread over both instances and through nginx add up exactly', async () => {
    const before = await today(cluster.url)
    const targets = [cluster.url, ...cluster.instances.map((i) => i.url)]
    const statuses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(`${targets[i % 3]}/api/stats/hit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': `${UA} reader-${i % 40}` },
          body: JSON.stringify({ path: '/' }),
        }).then(async (r) => (await r.arrayBuffer(), r.status)),
      ),
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(300)
    expect((await today(cluster.instances[1]!.url)).pageViews - before.pageViews).toBe(300)
  })

  it('votes spread over both instances add up exactly, and one address’s cap holds across them', async () => {
    const article = await createArticle(cluster.instances[0]!.url, `Bài để đánh giá ${Date.now()}`, 'published')
    const vote = (base: string, ip: string, score: number) =>
      fetch(`${base}/api/articles/${article.id}/rating`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ score }),
      }).then((r) => r.status)
    const [a, b] = cluster.instances.map((i) => i.url)
    // 40 readers, each from their own address, alternately on A and B: all counted.
    const many = await Promise.all(Array.from({ length: 40 }, (_, i) => vote(i % 2 ? a! : b!, `198.51.100.${i + 1}`, 1 + (i % 5))))
    expect(many.every((s) => s === 201)).toBe(true)
    // One office address: VOTE_LIMIT votes pass, whichever instance they reach; the next is refused.
    const office: number[] = []
    for (let i = 0; i < VOTE_LIMIT + 1; i += 1) office.push(await vote(i % 2 ? a! : b!, '203.0.113.77', 5))
    expect(office).toEqual([...Array(VOTE_LIMIT).fill(201), 429])
    const totals = (await (await fetch(`${cluster.url}/api/articles/${article.id}/rating`)).json()) as { count: number; total: number }
    const expectedTotal = Array.from({ length: 40 }, (_, i) => 1 + (i % 5)).reduce((x, y) => x + y, 0) + 5 * VOTE_LIMIT
    expect(totals).toMatchObject({ count: 40 + VOTE_LIMIT, total: expectedTotal })
  })

  it('never serves an editor’s view or a draft to the public', async () => {
    const published = await createArticle(cluster.url, `Bài đang đăng ${Date.now()}`, 'published')
    const draftTitle = `BẢN NHÁP BÍ MẬT ${Date.now()}`
    const update = await api(cluster.url, 'PATCH', `/articles/${published.id}?draft=true`, { title: draftTitle, slug: published.slug, _status: 'draft' })
    expect(update.status).toBe(200)

    // The editor previews the draft through nginx: Next's draft mode cookie.
    const preview = await fetch(`${cluster.url}/api/preview?slug=${published.slug}`, { headers: { authorization: `JWT ${token}` }, redirect: 'manual' })
    const cookie = (preview.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ')
    expect(cookie).toMatch(/__prerender_bypass=/)
    // what the editor's browser sends: its session cookie on a same-origin navigation
    const editorHeaders = { cookie: `${cookie}; payload-token=${token}`, 'sec-fetch-site': 'same-origin' }
    const editorView = await fetch(`${cluster.url}/bai-viet/${published.slug}`, { headers: editorHeaders })
    const editorHtml = await editorView.text()
    expect(editorHtml).toContain(draftTitle)
    expect(editorView.headers.get('cache-control')).toBe('private, no-store')
    expect(editorView.headers.get('x-cache')).toBe('BYPASS')

    // The public, before and after, through nginx: the published version, never the draft.
    for (let i = 0; i < 3; i += 1) {
      const publicView = await fetch(`${cluster.url}/bai-viet/${published.slug}`)
      const html = await publicView.text()
      expect(publicView.status).toBe(200)
      expect(html).not.toContain(draftTitle)
      expect(html).not.toContain('Bản xem trước')
    }
    // A draft that was never published: 404 for the public, even right after the editor saw it.
    const draft = await createArticle(cluster.url, `Bài chưa đăng ${Date.now()}`, 'draft')
    await fetch(`${cluster.url}/api/preview?slug=${draft.slug}`, { headers: { authorization: `JWT ${token}` }, redirect: 'manual' })
    expect(await (await fetch(`${cluster.url}/bai-viet/${draft.slug}`, { headers: editorHeaders })).text()).toContain('Bài chưa đăng')
    expect((await fetch(`${cluster.url}/bai-viet/${draft.slug}`)).status).toBe(404)
  })

  it('keeps answering when one instance is killed', async () => {
    const victim = cluster.instances[0]!.pid()
    expect(victim).toBeGreaterThan(0)
    process.kill(victim, 'SIGKILL')
    const statuses: number[] = []
    for (let i = 0; i < 20; i += 1) {
      // uncached pages (each search is new), so every one of them reaches an instance
      statuses.push((await fetch(`${cluster.url}/tim-kiem?q=chuyen+doi+so+${i}`)).status)
      statuses.push((await fetch(`${cluster.url}/api/health`)).status)
    }
    expect(statuses.every((s) => s === 200)).toBe(true)
  })
})
