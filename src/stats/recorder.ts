/**
 * The recorder: validates a hit, tells bots apart, hashes the visitor, and commits hits in
 * groups. A hit waits in memory until the hits already on their way in have joined it, at most
 * STATS_COMMIT_WINDOW_MS (default 2 ms); the group is written in one transaction, and only then
 * is each hit answered. So an acknowledged hit is on disk, and a crash loses only hits nobody
 * was told were counted.
 * A graceful stop (flush) writes what is pending. One group is written at a time per process.
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { createLimiter, limitFromEnv } from '../lib/rateLimit'
import { summarize, type RatingSummary } from '../ratings/summary'
import { classifyClient, referrerHost } from './classify'
import { HIT_MESSAGES, parseHit } from './hit'
import type { RecordedHit } from './plan'
import { type Database, statsDatabase } from './sql'
import { type Applied, applyBatch, type Counters, purge, readCounters, readImported, saltFor } from './store'
import { bucketsOf } from './time'

export type HitRequest = {
  /** The raw body, or its promise; null when it was over the size limit. */
  body: string | null | Promise<string | null>
  ip: string
  userAgent: string
  /** The Host the page was served under, to tell the portal's own referrers apart. */
  host: string | null
}

export type LiveNumbers = Counters & { article?: { id: number; views: number; rating: RatingSummary } }
export type HitAnswer = {
  status: number
  body: LiveNumbers | { errors: { message: string }[] }
  retryAfter?: number
  /** The body as JSON, when it was written once for several hits. */
  json?: string
}

/** How many readers' hashes of today are remembered (IP and user agent, in memory only). */
const VISITOR_MEMO_SIZE = 20_000

type Pending = { hit: RecordedHit; resolve: (answer: HitAnswer) => void }

const refuse = (status: number, message: string, retryAfter?: number): HitAnswer => ({ status, body: { errors: [{ message }] }, retryAfter })

/** STATS_COMMIT_WINDOW_MS: the longest a hit waits for others to join its group. */
function commitWindowFromEnv(): number {
  const value = Number(process.env.STATS_COMMIT_WINDOW_MS ?? 2)
  return Number.isFinite(value) && value > 0 && value <= 100 ? value : 2
}

export type RecorderOptions = { now?: () => number; windowMs?: number; maxBatch?: number }

export class Recorder {
  readonly db: Database
  private readonly now: () => number
  private readonly windowMs: number
  private readonly maxBatch: number
  private pending: Pending[] = []
  private timer: NodeJS.Timeout | null = null
  private settle: NodeJS.Immediate | null = null
  /** Hits received whose group is not chosen yet (body, rate limit, salt on the way). */
  private arriving = 0
  private writing: Promise<void> | null = null
  private salt: { day: string; value: Promise<string> } | null = null
  private startingTotal = { value: 0, readAt: -Infinity }
  private imported = { day: '', value: { today: 0, month: 0, total: 0 }, readAt: -Infinity }
  private lastPurge = -Infinity
  private readonly visitors = new Map<string, { salt: Promise<string>; visitor: string }>()
  private readonly limiter = createLimiter('cttd-hit', () => limitFromEnv('STATS_HITS_PER_IP_PER_MINUTE', 600), 60)

  constructor(private readonly payload: Payload, options: RecorderOptions = {}) {
    this.db = statsDatabase(payload)
    this.now = options.now ?? Date.now
    this.windowMs = options.windowMs ?? commitWindowFromEnv()
    this.maxBatch = options.maxBatch ?? 2000
  }

  /**
   * Records one hit and answers the live numbers, once the hit is committed. Call it as soon as
   * the request arrives (its body may still be on the way): the recorder counts the hits on
   * their way in, so that it writes a group as soon as every one of them has joined.
   */
  async hit(request: HitRequest): Promise<HitAnswer> {
    this.arriving += 1
    let joined = false
    try {
      const body = await request.body
      if (body === null) return refuse(400, HIT_MESSAGES.tooLarge)
      const parsed = parseHit(body)
      if (!parsed.ok) return refuse(400, parsed.message)
      const limit = await this.limiter.take(request.ip)
      if (!limit.allowed) return refuse(429, HIT_MESSAGES.tooMany, limit.retryAfterSeconds)

      const t = this.now()
      const { hit } = parsed
      const client = classifyClient(request.userAgent, hit.screen, hit.automated)
      const known = client.bot ? null : this.visitorOf(t, request.ip, request.userAgent)
      const visitor = typeof known === 'string' || known === null ? known : await known
      const answer = new Promise<HitAnswer>((resolve) =>
        this.pending.push({
          hit: {
            t,
            path: hit.path,
            article: hit.article,
            visitor,
            bot: client.bot,
            browser: client.browser,
            os: client.os,
            device: client.device,
            referrerHost: referrerHost(hit.referrer, request.host?.replace(/:\d+$/, '') ?? null),
          },
          resolve,
        }),
      )
      joined = true
      this.arriving -= 1
      this.schedule()
      return await answer
    } finally {
      if (!joined) {
        this.arriving -= 1
        this.schedule()
      }
    }
  }

  /** The numbers without recording anything (the counter block at render time). */
  async counters(): Promise<Counters> {
    const now = this.now()
    const { day, month } = bucketsOf(now)
    const counters = await readCounters(this.db, now, day, month)
    return this.withCarriedOver(counters, now)
  }

  /** Writes whatever is pending (graceful stop). */
  async flush(): Promise<void> {
    while (this.pending.length || this.writing) {
      if (this.writing) await this.writing
      else this.startWrite()
    }
  }

  /**
   * Group commit. A group is written when every hit on its way in has joined it (checked once
   * the event loop has read what had arrived), when it is full, or when the oldest has waited
   * STATS_COMMIT_WINDOW_MS; one group is written at a time, the next gathers meanwhile.
   */
  private schedule() {
    if (this.writing || !this.pending.length) return
    if (this.pending.length >= this.maxBatch) return this.startWrite()
    if (this.arriving === 0) this.settle ??= setImmediate(() => {
      this.settle = null
      if (this.arriving === 0 && !this.writing) this.startWrite()
    })
    this.timer ??= setTimeout(() => {
      this.timer = null
      if (!this.writing) this.startWrite()
    }, this.windowMs)
  }

  private startWrite() {
    if (this.timer) clearTimeout(this.timer)
    if (this.settle) clearImmediate(this.settle)
    this.timer = null
    this.settle = null
    const group = this.pending.splice(0, this.maxBatch)
    if (!group.length) return
    this.writing = this.write(group).finally(() => {
      this.writing = null
      this.schedule()
    })
  }

  private async write(group: Pending[]): Promise<void> {
    const now = this.now()
    let applied: Applied
    try {
      if (now - this.lastPurge > 60_000) {
        this.lastPurge = now
        await purge(this.db, now)
      }
      applied = await applyBatch(this.db, group.map((p) => p.hit), now)
    } catch (error) {
      this.payload.logger.error({ err: error }, 'Không ghi được lượt truy cập')
      for (const p of group) p.resolve(refuse(503, HIT_MESSAGES.unavailable))
      return
    }
    // Committed: from here on every accepted hit of the group is counted, whatever the answer says.
    let counters: Counters
    try {
      counters = await this.countersAfter(applied, now)
    } catch (error) {
      this.payload.logger.error({ err: error }, 'Không đọc được số liệu thống kê')
      counters = { online: 0, today: 0, month: 0, total: 0 }
    }
    // the hits of a group on the same article get the same answer: made and written out once
    const answers = new Map<number | null, HitAnswer>()
    for (const p of group) {
      const { article } = p.hit
      let answer = answers.get(article)
      if (!answer) {
        if (article !== null && !applied.live.has(article)) answer = refuse(400, HIT_MESSAGES.unknownArticle)
        else {
          const numbers = article === null ? undefined : applied.articles.get(article)
          const body = numbers
            ? { ...counters, article: { id: article!, views: numbers.views, rating: summarize(numbers.ratingTotal, numbers.ratingCount, null) } }
            : counters
          answer = { status: 201, body, json: JSON.stringify(body) }
        }
        answers.set(article, answer)
      }
      p.resolve(answer)
    }
  }

  /** The counters as the batch's own transaction left them; read anew if it did not touch them all. */
  private async countersAfter(applied: Applied, now: number): Promise<Counters> {
    const { day, month } = bucketsOf(now)
    const [today, thisMonth, total] = [`day:${day}`, `month:${month}`, 'all:all'].map((key) => applied.visits.get(key))
    if (today === undefined || thisMonth === undefined || total === undefined) return this.counters()
    return this.withCarriedOver({ online: applied.online, today, month: thisMonth, total }, now)
  }

  /**
   * The numbers counted here plus what was carried over from an old portal: the starting total
   * an admin set, and the visits imported from NukeViet (its total, and its figures for this day
   * and month when the move happened during them).
   */
  private async withCarriedOver(counters: Counters, now: number): Promise<Counters> {
    const [starting, imported] = await Promise.all([this.importedTotal(now), this.importedCounts(now)])
    return {
      online: counters.online,
      today: counters.today + imported.today,
      month: counters.month + imported.month,
      total: counters.total + starting + imported.total,
    }
  }

  /** The imported visits for the counter block, re-read every minute and when the day changes. */
  private async importedCounts(now: number): Promise<Omit<Counters, 'online'>> {
    const { day, month } = bucketsOf(now)
    if (this.imported.day !== day || now - this.imported.readAt > 60_000 || now < this.imported.readAt) {
      const value = await readImported(this.db, day, month).catch(() => this.imported.value)
      this.imported = { day, value, readAt: now }
    }
    return this.imported.value
  }

  /** The visitor's hash for today: at once for a reader already seen today, else once the salt is known. */
  private visitorOf(t: number, ip: string, userAgent: string): string | Promise<string> {
    const { day } = bucketsOf(t)
    if (this.salt?.day !== day) {
      const value = saltFor(this.db, day, () => crypto.randomBytes(32).toString('base64url'), t)
      this.salt = { day, value }
      this.visitors.clear()
      value.catch(() => {
        if (this.salt?.value === value) this.salt = null
      })
    }
    const salt = this.salt.value
    const client = `${ip}\n${userAgent}`
    const known = this.visitors.get(client)
    if (known && known.salt === salt) return known.visitor
    return salt.then((key) => {
      const visitor = crypto.createHmac('sha256', key).update(client).digest('base64url').slice(0, 22)
      // a reader's next pages today skip the HMAC; kept in memory only, and forgotten with the salt
      if (this.visitors.size >= VISITOR_MEMO_SIZE) this.visitors.clear()
      this.visitors.set(client, { salt, visitor })
      return visitor
    })
  }

  /** The starting total carried over from an old portal (Site global), re-read every minute. */
  private async importedTotal(now: number): Promise<number> {
    if (now - this.startingTotal.readAt > 60_000 || now < this.startingTotal.readAt) {
      const site = await this.payload.findGlobal({ slug: 'site', depth: 0, select: { statsStartingTotal: true } }).catch(() => null)
      this.startingTotal = { value: Number((site as { statsStartingTotal?: number } | null)?.statsStartingTotal ?? 0), readAt: now }
    }
    return this.startingTotal.value
  }

  /** Forgets the cached starting total and imported visits (after an admin or an import changes them). */
  forgetStartingTotal() {
    this.startingTotal.readAt = -Infinity
    this.imported.readAt = -Infinity
  }
}
