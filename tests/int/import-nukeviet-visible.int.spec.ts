/**
 * The real NukeViet 4.5.05 data set (../shared/reference/nukeviet/visible: its dump, uploads and
 * manifest.json) moved over, every article checked against what a reader saw on NukeViet: the
 * title as typed, each inline picture with its caption, the hero image, the pen names and tags,
 * public (200) through its old address, pointing to its source (302), or not public (404).
 * Skipped, loudly, when ../shared is not beside the checkout; failed when CI=true.
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import mysql from 'mysql2/promise'
import type { Payload } from 'payload'

import { importNukeViet, type ImportSummary } from '../../src/import/nukeviet/importer'
import { openSource, type Source } from '../../src/import/nukeviet/source'
import { decodeText } from '../../src/import/nukeviet/text'
import { MARIADB } from '../helpers/nukeviet'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { redirectKey } from '../../src/redirects/paths.mjs'

const VISIBLE = path.resolve(process.cwd(), '../shared/reference/nukeviet/visible')
const present = fs.existsSync(path.join(VISIBLE, 'manifest.json'))
if (!present) {
  const message = `import-nukeviet-visible: ${VISIBLE} is missing: the real NukeViet data set is NOT checked`
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(`⚠ ${message} (skipped)`)
}

type ManifestArticle = {
  id: number
  title_text: string
  alias: string
  cat_alias: string
  status: number
  homeimgfile: string
  inline_images: number
  missing_image_files: string[]
  internal_authors: string[]
  tags: string[]
  url_path: string
  http_status: number
  redirect_to: string | null
}

const manifest = present ? JSON.parse(fs.readFileSync(path.join(VISIBLE, 'manifest.json'), 'utf8')) : null
const articles: ManifestArticle[] = manifest?.languages.vi.articles ?? []

let ctx: TestPayload
let payload: Payload
let source: Source
let site: string
let dbName: string
let summary: ImportSummary

const suite = present ? describe : describe.skip

suite('the visible NukeViet data set', () => {
  beforeAll(async () => {
    dbName = `nvvisible_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
    const url = new URL(MARIADB)
    const server = await mysql.createConnection(MARIADB)
    await server.query(`CREATE DATABASE ${dbName} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
    await server.end()
    const dump = execFileSync('zcat', [path.join(VISIBLE, 'nukeviet-visible.sql.gz')], { maxBuffer: 64 * 1024 * 1024 })
    execFileSync('mysql', ['-h', url.hostname, '-P', url.port || '3306', '-u', decodeURIComponent(url.username || 'root'), dbName], { input: dump })
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'nukeviet-visible-'))
    execFileSync('tar', ['xzf', path.join(VISIBLE, 'uploads.tar.gz'), '-C', site])
    ctx = await createTestPayload()
    payload = ctx.payload
    source = await openSource(`${MARIADB}/${dbName}`, 'nv4')
    summary = await importNukeViet({ payload, source, site })
  }, 600_000)

  afterAll(async () => {
    await source?.close()
    const server = await mysql.createConnection(MARIADB)
    await server.query(`DROP DATABASE IF EXISTS ${dbName}`)
    await server.end()
    if (site) fs.rmSync(site, { recursive: true, force: true })
    await ctx?.close()
  })

  it('imports the 30 articles, 6 categories, 4 pen names and 51 pictures, with no file missing', async () => {
    expect(articles).toHaveLength(30)
    expect(summary.counts.articles.created).toBe(30)
    expect(summary.counts.categories.created).toBe(6)
    expect(summary.counts.authors.created).toBe(4)
    // 48 inline pictures + 3 home images not in their body
    expect(summary.counts.images.created).toBe(51)
    expect(summary.missingImages).toEqual([])
    expect(summary.skipped).toEqual([])
    expect(summary.dropped).toEqual([])
  })

  it('matches every article of manifest.json', async () => {
    const problems: string[] = []
    for (const expected of articles) {
      const key = `vi:news_rows:${expected.id}`
      const doc = (await payload.find({ collection: 'articles', where: { nukevietKey: { equals: key } }, draft: true, depth: 1, overrideAccess: true })).docs[0]
      if (!doc) {
        problems.push(`${key}: missing`)
        continue
      }
      const say = (what: string) => problems.push(`${key}: ${what}`)
      if (doc.title !== expected.title_text) say(`title ${JSON.stringify(doc.title)} ≠ ${JSON.stringify(expected.title_text)}`)
      const blocks = ((doc.body as { root: { children: { type: string; fields?: { caption?: string } }[] } }).root.children ?? []).filter((c) => c.type === 'block')
      if (blocks.length !== expected.inline_images) say(`${blocks.length} pictures ≠ ${expected.inline_images}`)
      if (blocks.some((b) => !b.fields?.caption)) say('a picture without its caption')
      if (Boolean(doc.heroImage) !== Boolean(expected.homeimgfile)) say(`hero image ${Boolean(doc.heroImage)}`)
      const pens = ((doc.authors ?? []) as { name: string }[]).map((a) => a.name).sort()
      if (JSON.stringify(pens) !== JSON.stringify([...expected.internal_authors].sort())) say(`pen names ${pens.join(', ')}`)
      // the manifest keeps tags as NukeViet stores them (S&#039;tiêng); ours are as typed
      for (const tag of expected.tags.map(decodeText)) if (!doc.tags?.includes(tag)) say(`tag ${tag} missing`)
      const primary = doc.primaryCategory as { slug: string }
      if (primary.slug !== expected.cat_alias) say(`category ${primary.slug} ≠ ${expected.cat_alias}`)

      const isPublic = (await payload.find({ collection: 'articles', where: { nukevietKey: { equals: key } }, overrideAccess: false, depth: 0 })).totalDocs === 1
      const redirect = (await payload.find({ collection: 'redirects', where: { from: { equals: redirectKey(expected.url_path) } }, overrideAccess: true })).docs[0]
      if (expected.http_status === 200) {
        if (!isPublic) say('not public, NukeViet showed it')
        if (redirect?.to !== `/bai-viet/${doc.slug}`) say(`old address → ${redirect?.to}`)
      } else if (expected.http_status === 302) {
        if (redirect?.to !== expected.redirect_to) say(`old address → ${redirect?.to} ≠ ${expected.redirect_to}`)
      } else if (isPublic) {
        say(`public, NukeViet answered ${expected.http_status}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('answers every picture’s old /uploads/news address and every category’s', async () => {
    for (const cat of manifest.languages.vi.categories as { alias: string }[]) {
      const redirect = (await payload.find({ collection: 'redirects', where: { from: { equals: redirectKey(`/vi/news/${cat.alias}/`) } }, overrideAccess: true })).docs[0]
      expect(redirect?.to).toBe(`/chuyen-muc/${cat.alias}`)
    }
    const pictures = await payload.count({ collection: 'redirects', where: { from: { like: '/uploads/news/' } }, overrideAccess: true })
    expect(pictures.totalDocs).toBe(51)
  })
})
