/**
 * What one batch of hits changes, computed without a database: the rows to increment and the
 * presence to record, given what the database said about the batch's visitors (when each was
 * last seen) and which "seen" marks are new. The store turns the plan into SQL.
 *
 * Definitions (../shared/DESIGN.md): a page view is a hit from a non-bot client; a visit is a
 * visitor's hits with no gap over 30 minutes, counted in the period and on the page where it
 * starts; visitors are distinct per hour and per day (a month or year adds up its days, as the
 * visitor hash changes every day); bots are counted apart and in nothing else.
 */
import crypto from 'node:crypto'

import { bucketEnd, bucketsOf, VISIT_GAP_MS } from './time'

export type RecordedHit = {
  t: number
  path: string
  article: number | null
  /** The visitor's hash for today; null for a bot. */
  visitor: string | null
  bot: string | null
  browser: string
  os: string
  device: string
  /** "" for a direct visit, null for a move between the portal's own pages. */
  referrerHost: string | null
}

export type TotalRow = { key: string; period: string; bucket: string; pageViews: number; visits: number; visitors: number; bots: number }
export type PageRow = { key: string; period: string; bucket: string; path: string; article: number | null; pageViews: number; visits: number; visitors: number }
export type BreakdownRow = { key: string; bucket: string; dimension: string; value: string; pageViews: number; visits: number }
export type SeenMark = { key: string; expires: number }

export type Plan = {
  totals: TotalRow[]
  pages: PageRow[]
  breakdowns: BreakdownRow[]
  views: [article: number, count: number][]
  presence: [visitor: string, lastSeen: number][]
}

/** A short fixed-length name for a path, remembered: marks name pages by it. */
const pathNames = new Map<string, string>()
function pathName(path: string): string {
  let name = pathNames.get(path)
  if (!name) {
    if (pathNames.size >= 10_000) pathNames.clear()
    pathNames.set(path, (name = crypto.hash('sha256', path, 'base64url').slice(0, 16)))
  }
  return name
}

type Marks = { siteHour: string; siteDay: string; pageHour: string; pageDay: string; hour: string; day: string }
const marksOf = new WeakMap<RecordedHit, Marks>()

/** The "seen" marks a human hit may set: the site and its page, each for the hour and the day. */
export function seenMarks(hit: RecordedHit): Marks {
  let marks = marksOf.get(hit)
  if (!marks) {
    const { hour, day } = bucketsOf(hit.t)
    const v = hit.visitor ?? ''
    // the visitor's hash is already an opaque salted HMAC: marks are made of it without hashing again
    const page = pathName(hit.path)
    marks = { siteHour: `${v} ${hour}`, siteDay: `${v} ${day}`, pageHour: `${v} ${hour} ${page}`, pageDay: `${v} ${day} ${page}`, hour, day }
    marksOf.set(hit, marks)
  }
  return marks
}

export function allSeenMarks(hits: RecordedHit[]): SeenMark[] {
  const out = new Map<string, number>()
  for (const hit of hits) {
    if (!hit.visitor) continue
    const m = seenMarks(hit)
    out.set(m.siteHour, bucketEnd(m.hour))
    out.set(m.pageHour, bucketEnd(m.hour))
    out.set(m.siteDay, bucketEnd(m.day))
    out.set(m.pageDay, bucketEnd(m.day))
  }
  return [...out].map(([key, expires]) => ({ key, expires }))
}

/**
 * @param lastSeen when each visitor of the batch was last seen before it (0: never today)
 * @param newMarks the batch's seen marks that did not exist before it
 */
export function planBatch(hits: RecordedHit[], lastSeen: Map<string, number>, newMarks: Set<string>): Plan {
  const totals = new Map<string, TotalRow>()
  const pages = new Map<string, PageRow>()
  const breakdowns = new Map<string, BreakdownRow>()
  const views = new Map<number, number>()
  const presence = new Map(lastSeen)
  const unmarked = new Set(newMarks)
  const take = (key: string) => unmarked.delete(key)

  const total = (period: string, bucket: string) => {
    const key = `${period}:${bucket}`
    let row = totals.get(key)
    if (!row) totals.set(key, (row = { key, period, bucket, pageViews: 0, visits: 0, visitors: 0, bots: 0 }))
    return row
  }
  const page = (period: string, bucket: string, hit: RecordedHit) => {
    const key = `${period}:${bucket}:${hit.path}`
    let row = pages.get(key)
    if (!row) pages.set(key, (row = { key, period, bucket, path: hit.path, article: hit.article, pageViews: 0, visits: 0, visitors: 0 }))
    return row
  }
  const breakdown = (bucket: string, dimension: string, value: string) => {
    const key = `${bucket}:${dimension}:${value}`
    let row = breakdowns.get(key)
    if (!row) breakdowns.set(key, (row = { key, bucket, dimension, value, pageViews: 0, visits: 0 }))
    return row
  }

  for (const hit of [...hits].sort((a, b) => a.t - b.t)) {
    const b = bucketsOf(hit.t)
    const periods = [
      ['hour', b.hour],
      ['day', b.day],
      ['month', b.month],
      ['year', b.year],
      ['all', 'all'],
    ] as const
    if (!hit.visitor) {
      for (const [period, bucket] of periods) total(period, bucket).bots += 1
      breakdown(b.day, 'bot', hit.bot ?? 'bot').pageViews += 1
      continue
    }
    const before = presence.get(hit.visitor) ?? 0
    const newVisit = before === 0 || hit.t - before > VISIT_GAP_MS
    if (hit.t > before) presence.set(hit.visitor, hit.t)
    const m = seenMarks(hit)
    const siteHourNew = take(m.siteHour)
    const siteDayNew = take(m.siteDay)
    const pageHourNew = take(m.pageHour)
    const pageDayNew = take(m.pageDay)
    const visits = newVisit ? 1 : 0

    for (const [period, bucket] of periods) {
      const row = total(period, bucket)
      row.pageViews += 1
      row.visits += visits
      row.visitors += period === 'hour' ? Number(siteHourNew) : Number(siteDayNew)
    }
    for (const [period, bucket] of periods.slice(0, 3)) {
      const row = page(period, bucket, hit)
      row.pageViews += 1
      row.visits += visits
      row.visitors += period === 'hour' ? Number(pageHourNew) : Number(pageDayNew)
    }
    for (const [dimension, value] of [
      ...(hit.referrerHost === null ? [] : [['referrer', hit.referrerHost || '(trực tiếp)'] as const]),
      ['browser', hit.browser],
      ['os', hit.os],
      ['device', hit.device],
    ] as const) {
      const row = breakdown(b.day, dimension, value)
      row.pageViews += 1
      row.visits += visits
    }
    if (hit.article !== null) views.set(hit.article, (views.get(hit.article) ?? 0) + 1)
  }

  const byKey = <T extends { key: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return {
    totals: byKey(totals.values()),
    pages: byKey(pages.values()),
    breakdowns: byKey(breakdowns.values()),
    views: [...views].sort((a, b) => a[0] - b[0]),
    presence: [...presence].filter(([v, t]) => t !== (lastSeen.get(v) ?? 0)).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  }
}
