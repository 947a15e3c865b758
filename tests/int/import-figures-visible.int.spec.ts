/**
 * The real NukeViet 4.5 data set (../shared/reference/nukeviet/visible, beside the checkout):
 * its figures after importFigures are NukeViet's, as its manifest.json records them. Skipped
 * where the data set is not there.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import mysql from 'mysql2/promise'
import type { Payload } from 'payload'

import { importFigures } from '../../src/import/nukeviet/figures'
import { Recorder } from '../../src/stats/recorder'
import { buildReport } from '../../src/stats/report'
import { articleData, makeCategory } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

const VISIBLE = path.resolve(process.cwd(), '..', 'shared', 'reference', 'nukeviet', 'visible')
const MARIADB = process.env.NUKEVIET_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306'
const present = fs.existsSync(path.join(VISIBLE, 'manifest.json'))

type ManifestArticle = { lang: string; id: number; hitstotal: number; total_rating: number; click_rating: number }
type Manifest = {
  languages: Record<string, { articles: ManifestArticle[] }>
  counter: { total_hits: number; years: Record<string, number>; months_this_year: Record<string, number>; today: Record<string, number>; last: number }
}

let ctx: TestPayload
let payload: Payload
let server: mysql.Connection
let nukeviet: mysql.Connection
let manifest: Manifest
const database = `nv_visible_${process.pid}_${crypto.randomBytes(3).toString('hex')}`
const articles = new Map<string, number>()

;(present ? describe : describe.skip)('the visible NukeViet data set', () => {
  beforeAll(async () => {
    manifest = JSON.parse(fs.readFileSync(path.join(VISIBLE, 'manifest.json'), 'utf8')) as Manifest
    ctx = await createTestPayload()
    payload = ctx.payload
    server = await mysql.createConnection(MARIADB)
    await server.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
    nukeviet = await mysql.createConnection({ uri: `${MARIADB}/${database}`, multipleStatements: true })
    await nukeviet.query(zlib.gunzipSync(fs.readFileSync(path.join(VISIBLE, 'nukeviet-visible.sql.gz'))).toString('utf8'))
    // stand-ins for what the importer makes: one article per NukeViet article, with its key
    const category = (await makeCategory(payload)).id
    for (const a of Object.values(manifest.languages).flatMap((l) => l.articles)) {
      const key = `${a.lang}:news_rows:${a.id}`
      const doc = await payload.create({ collection: 'articles', data: { ...articleData(category), _status: 'published', nukevietKey: key }, overrideAccess: true })
      articles.set(key, doc.id)
    }
  }, 60_000)

  afterAll(async () => {
    await nukeviet?.end()
    await server?.query(`DROP DATABASE IF EXISTS ${database}`)
    await server?.end()
    await ctx?.close()
  })

  it('every article’s views and rating are NukeViet’s, and the counter goes on from 447,009,361', async () => {
    const summary = await importFigures({
      payload,
      mysql: nukeviet,
      prefix: 'nv4',
      langs: Object.keys(manifest.languages),
      dryRun: false,
      articleIdByKey: async (key) => articles.get(key),
    })
    // the 6 with no views and no rating (unpublished ones) were already right
    expect(summary.articles).toMatchObject({ read: 30, set: 24, unchanged: 6, missing: 0, rated: 10 })
    for (const a of Object.values(manifest.languages).flatMap((l) => l.articles)) {
      const doc = await payload.findByID({ collection: 'articles', id: articles.get(`${a.lang}:news_rows:${a.id}`)!, depth: 0, overrideAccess: true })
      expect({ id: a.id, views: doc.viewCount, total: doc.ratingTotal, count: doc.ratingCount }).toEqual({
        id: a.id,
        views: a.hitstotal,
        total: a.total_rating,
        count: a.click_rating,
      })
    }
    expect(summary.counter).toMatchObject({ found: true, total: 447_009_361, from: '2016-03-15 08:00', to: '2026-12-01 02:00' })

    // 08:00 the same morning in Viet Nam
    const recorder = new Recorder(payload, { now: () => Date.parse('2026-12-01T01:00:00Z') })
    expect(await recorder.counters()).toEqual({ online: 0, today: manifest.counter.today['01'], month: 3672, total: manifest.counter.total_hits })

    const titles = async () => new Map()
    const years = await buildReport(recorder.db, { from: '2016-01-01', to: '2025-12-31', granularity: 'year' }, titles)
    expect(Object.fromEntries(years.current.series.map((p) => [p.bucket, p.imported]))).toEqual(
      Object.fromEntries(Object.entries(manifest.counter.years).filter(([y]) => y < '2026')),
    )
    const months = await buildReport(recorder.db, { from: '2026-01-01', to: '2026-12-01', granularity: 'month' }, titles)
    const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    expect(months.current.series.map((p) => p.imported)).toEqual(monthNames.map((m) => manifest.counter.months_this_year[m]))
    expect(months.current.totals.imported).toBe(manifest.counter.years['2026'])
  })
})
