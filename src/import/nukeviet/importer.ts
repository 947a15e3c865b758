/**
 * Moves a NukeViet 4.5 news module over: categories, authors (pen names), pictures, articles of
 * every language, and one redirect row per old address. Each document keeps its NukeViet key
 * (`vi:news_rows:12`…): a second run finds it and changes only what changed there; a run stopped
 * half way is finished by the next one. `dryRun` reads and counts the same, writing nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

import { convertHTMLToLexical, editorConfigFactory, type SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import { getFileByPath, type Payload, type RichTextField } from 'payload'

import { slugify } from '../../lib/slug'
import { imageWithCaption, videoEmbed } from '../../seed/lexical'
import { redirectKey, redirectTarget } from '../../redirects/paths.mjs'
import { localePath, type Locale } from '../../lib/locale'
import { HappyJSDOM, closeDom, splitBody, type BodyImage, type SplitBody } from './body'
import { ImportError, findLanguages, type Row, type Source } from './source'
import { decodeLead, decodeText, mergeTags, splitKeywords } from './text'

export type Kind = 'categories' | 'authors' | 'images' | 'articles' | 'redirects'
export type Tally = { created: number; updated: number; unchanged: number }
export type Progress = { phase: Kind; done: number; total: number }

export type ImportOptions = {
  payload: Payload
  source: Source
  /** the site's folder: `uploads/news/...` is read from it */
  site: string
  langs?: string[]
  dryRun?: boolean
  now?: Date
  onProgress?: (progress: Progress) => void
  /** tests: stop (throw) after this many articles, as a run killed half way */
  stopAfterArticles?: number
}

export type ImportSummary = {
  langs: string[]
  dryRun: boolean
  counts: Record<Kind, Tally>
  skipped: { key: string; reason: string }[]
  missingImages: { file: string; article: string }[]
  dropped: { article: string; what: string[] }[]
  /** articles by what they became here */
  statuses: Record<'published' | 'scheduled' | 'expired' | 'draft' | 'submitted', number>
  durationMs: number
}

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 })
const num = (v: unknown) => Number(v ?? 0)
const iso = (seconds: number) => new Date(seconds * 1000).toISOString()
const MAX_BYLINE = 200

type Ctx = ImportOptions & {
  summary: ImportSummary
  now: Date
  editorConfig: SanitizedServerEditorConfig
  images: Map<string, { id: number | string; url: string } | null>
  /** each picture's one upload (or lookup), by key, started ahead of the article that needs it */
  uploads: Map<string, Promise<UploadResult>>
  uploadSlots: Slots
  /** a page's bodies as split when their pictures were started, by article key */
  bodies: Map<string, SplitBody>
  redirects: Map<string, { id: number | string; to: string }>
}

export class StoppedForTest extends Error {}

export async function importNukeViet(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now()
  const { payload, source } = options
  if (!fs.existsSync(path.join(options.site, 'uploads'))) {
    throw new ImportError(`Thư mục trang NukeViet "${options.site}" không có uploads/: --site phải là thư mục gốc của trang (chứa uploads/ và assets/).`)
  }
  const langs = await findLanguages(source, options.langs)
  const body = payload.collections.articles.config.fields.find((f) => 'name' in f && f.name === 'body') as RichTextField
  const ctx: Ctx = {
    ...options,
    now: options.now ?? new Date(),
    editorConfig: editorConfigFactory.fromField({ field: body }),
    images: new Map(),
    uploads: new Map(),
    uploadSlots: new Slots(UPLOADS_AT_ONCE),
    bodies: new Map(),
    redirects: new Map(),
    summary: {
      langs,
      dryRun: Boolean(options.dryRun),
      counts: { categories: tally(), authors: tally(), images: tally(), articles: tally(), redirects: tally() },
      skipped: [],
      missingImages: [],
      dropped: [],
      statuses: { published: 0, scheduled: 0, expired: 0, draft: 0, submitted: 0 },
      durationMs: 0,
    },
  }
  await loadRedirects(ctx)
  try {
    for (const lang of langs) await importLanguage(ctx, lang)
    await Promise.allSettled(ctx.uploads.values())
    await checkImageRedirects(ctx)
  } finally {
    // a run stopped half way leaves no upload going on behind it
    await Promise.allSettled(ctx.uploads.values())
    await closeDom()
    ctx.summary.durationMs = Date.now() - started
  }
  return ctx.summary
}

/** Our redirects from NukeViet, by old address: compared before writing, so a rerun writes none. */
async function loadRedirects(ctx: Ctx) {
  for (let page = 1; ; page += 1) {
    const found = await ctx.payload.find({
      collection: 'redirects',
      where: { source: { equals: 'nukeviet' } },
      limit: 1000,
      page,
      depth: 0,
      overrideAccess: true,
      select: { from: true, to: true },
    })
    for (const doc of found.docs) ctx.redirects.set(doc.from, { id: doc.id, to: doc.to })
    if (!found.hasNextPage) break
  }
}

async function redirect(ctx: Ctx, oldAddress: string, destination: string) {
  // in the one form the collection stores (src/redirects/paths.mjs), so that a second run finds it
  const from = redirectKey(oldAddress)
  const to = redirectTarget(destination)
  if (from === null || to === null) {
    // an address the redirects cannot hold (a source link with spaces, say) is reported, and the
    // run goes on: otherwise it would stop here on every run, and nothing after it would move
    ctx.summary.skipped.push({ key: oldAddress, reason: `không tạo được chuyển hướng đến ${destination}: địa chỉ không hợp lệ` })
    return
  }
  const existing = ctx.redirects.get(from)
  const counts = ctx.summary.counts.redirects
  if (existing && existing.to === to) {
    counts.unchanged += 1
    return
  }
  if (existing) {
    counts.updated += 1
    if (!ctx.dryRun) await ctx.payload.update({ collection: 'redirects', id: existing.id, data: { to }, overrideAccess: true, depth: 0 })
    ctx.redirects.set(from, { ...existing, to })
    return
  }
  counts.created += 1
  if (ctx.dryRun) {
    ctx.redirects.set(from, { id: 0, to })
    return
  }
  // an address an editor already redirects by hand keeps the editor's target
  const manual = await ctx.payload.find({ collection: 'redirects', where: { from: { equals: from } }, limit: 1, depth: 0, overrideAccess: true })
  if (manual.docs[0]) {
    counts.created -= 1
    counts.unchanged += 1
    return
  }
  const doc = await ctx.payload.create({ collection: 'redirects', data: { from, to, source: 'nukeviet' }, overrideAccess: true, depth: 0 })
  ctx.redirects.set(from, { id: doc.id, to })
}

/**
 * Every picture imported (this run or before) answers its old `/uploads/news/...` address: a run
 * stopped between an upload and its redirect is mended here, and unchanged pictures are counted.
 */
async function checkImageRedirects(ctx: Ctx) {
  for (let page = 1; ; page += 1) {
    const found = await ctx.payload.find({
      collection: 'images',
      where: { nukevietKey: { like: 'img:news/' } },
      limit: 200,
      page,
      depth: 0,
      overrideAccess: true,
      sort: 'id',
    })
    for (const doc of found.docs) {
      const key = String(doc.nukevietKey)
      if (!key.startsWith('img:news/')) continue
      if (!ctx.images.has(key)) ctx.summary.counts.images.unchanged += 1
      await redirect(ctx, `/uploads/news/${key.slice('img:news/'.length)}`, String(doc.url ?? ''))
    }
    if (!found.hasNextPage) break
  }
  // a dry run created none: count the redirects their uploads would have written
  for (const [key, image] of ctx.images) {
    if (image && String(image.id).startsWith('dry:')) await redirect(ctx, `/uploads/news/${key.slice('img:news/'.length)}`, '')
  }
}

type Keyed = { id: number | string; nukevietKey?: string | null; [k: string]: unknown }

async function findByKey(ctx: Ctx, collection: 'categories' | 'authors' | 'images', key: string, locale?: Locale): Promise<Keyed | undefined> {
  const found = await ctx.payload.find({
    collection,
    where: { nukevietKey: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    ...(locale ? { locale } : {}),
  })
  return found.docs[0] as unknown as Keyed | undefined
}

/** A slug free for this document: NukeViet's alias folded, or with `-<id>` when another holds it. */
async function freeSlug(ctx: Ctx, collection: 'categories' | 'authors' | 'articles', wanted: string, nvId: number, ownId?: number | string): Promise<string> {
  const base = slugify(wanted) || `nukeviet-${nvId}`
  for (const candidate of [base, `${base.slice(0, 110).replace(/-+$/, '')}-${nvId}`]) {
    const { totalDocs } = await ctx.payload.count({
      collection,
      where: { slug: { equals: candidate }, ...(ownId !== undefined ? { id: { not_equals: ownId } } : {}) },
      overrideAccess: true,
    })
    if (totalDocs === 0) return candidate
  }
  return `${base.slice(0, 100)}-${nvId}-${Date.now().toString(36)}`
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)

/** Creates or updates a category/author by key, writing only fields that differ. */
async function upsertSimple(
  ctx: Ctx,
  collection: 'categories' | 'authors',
  key: string,
  data: Record<string, unknown>,
  locale: Locale,
): Promise<number | string> {
  const counts = ctx.summary.counts[collection]
  const existing = await findByKey(ctx, collection, key, locale)
  if (existing) {
    const changed = Object.fromEntries(Object.entries(data).filter(([field, value]) => field !== 'slug' && !same(idOf(existing[field]), value)))
    if (Object.keys(changed).length === 0) {
      counts.unchanged += 1
    } else {
      counts.updated += 1
      if (!ctx.dryRun) await ctx.payload.update({ collection, id: existing.id, data: changed, locale, overrideAccess: true, depth: 0 })
    }
    return existing.id
  }
  counts.created += 1
  if (ctx.dryRun) return `dry:${key}`
  const doc = await ctx.payload.create({ collection, data: { ...data, nukevietKey: key } as never, locale, overrideAccess: true, depth: 0 })
  return doc.id
}

type Category = { id: number | string; slug: string; alias: string }

async function importLanguage(ctx: Ctx, lang: string) {
  const { source } = ctx
  const locale: Locale = lang === 'en' ? 'en' : 'vi'
  const prefix = (p: string) => localePath(locale, p)

  // Categories, parents first (NukeViet's `sort` is the whole tree's order)
  const cats = await source.rows(`SELECT catid, parentid, title, alias, sort, status FROM ${source.table(lang, 'cat')} ORDER BY lev, sort`)
  const categories = new Map<number, Category>()
  let done = 0
  for (const cat of cats) {
    const key = `${lang}:news_cat:${cat.catid}`
    const existing = await findByKey(ctx, 'categories', key, locale)
    const slug = existing ? String(existing.slug) : await freeSlug(ctx, 'categories', String(cat.alias), num(cat.catid))
    const parent = num(cat.parentid) ? categories.get(num(cat.parentid))?.id ?? null : null
    const id = await upsertSimple(ctx, 'categories', key, { name: decodeText(cat.title), slug, parent, order: num(cat.sort) }, locale)
    categories.set(num(cat.catid), { id, slug, alias: String(cat.alias) })
    await redirect(ctx, `/${lang}/news/${cat.alias}/`, prefix(`/chuyen-muc/${slug}`))
    await redirect(ctx, `/${lang}/news/rss/${cat.alias}/`, prefix(`/chuyen-muc/${slug}/rss.xml`))
    ctx.onProgress?.({ phase: 'categories', done: (done += 1), total: cats.length })
  }
  await redirect(ctx, `/${lang}/news/`, prefix('/'))
  await redirect(ctx, `/${lang}/news/rss/`, prefix('/rss.xml'))

  // Internal authors (pen names)
  const authors = new Map<number, number | string>()
  done = 0
  const pens = await source.rows(`SELECT id, alias, pseudonym FROM ${source.table(lang, 'author')} ORDER BY id`)
  for (const pen of pens) {
    const key = `${lang}:news_authors:${pen.id}`
    const existing = await findByKey(ctx, 'authors', key, locale)
    const name = decodeText(pen.pseudonym) || String(pen.alias)
    const slug = existing ? String(existing.slug) : await freeSlug(ctx, 'authors', String(pen.alias || name), num(pen.id))
    authors.set(num(pen.id), await upsertSimple(ctx, 'authors', key, { name, slug }, locale))
    await redirect(ctx, `/${lang}/news/author/${pen.alias}/`, prefix(`/tac-gia/${slug}`))
    ctx.onProgress?.({ phase: 'authors', done: (done += 1), total: pens.length })
  }

  // Sources, topics and tags (topics become tags: see README)
  const sources = new Map<number, { title: string; link: string }>()
  for (const s of await source.rows(`SELECT sourceid, title, link FROM ${source.table(lang, 'sources')}`)) {
    sources.set(num(s.sourceid), { title: decodeText(s.title), link: String(s.link ?? '') })
  }
  const topics = new Map<number, string>()
  for (const t of await source.rows(`SELECT topicid, title, alias FROM ${source.table(lang, 'topics')}`)) {
    const title = decodeText(t.title)
    topics.set(num(t.topicid), title)
    await redirect(ctx, `/${lang}/news/topic/${t.alias}/`, prefix(`/the/${encodeURIComponent(title)}`))
  }
  for (const t of await source.rows(`SELECT alias, keywords, title FROM ${source.table(lang, 'tags')}`)) {
    const tag = decodeText(t.keywords) || decodeText(t.title) || String(t.alias).replace(/-/g, ' ')
    await redirect(ctx, `/${lang}/news/tag/${t.alias}`, prefix(`/the/${encodeURIComponent(tag)}`))
  }

  // Articles, in id order, a page at a time (memory stays flat however many there are)
  const [{ total }] = await source.rows<{ total: number }>(`SELECT COUNT(*) AS total FROM ${source.table(lang, 'rows')}`)
  done = 0
  let lastId = 0
  for (;;) {
    const page = await source.rows(
      `SELECT r.*, d.bodyhtml, d.keywords, d.sourcetext, d.imgposition FROM ${source.table(lang, 'rows')} r
       LEFT JOIN ${source.table(lang, 'detail')} d ON d.id = r.id WHERE r.id > ? ORDER BY r.id LIMIT 50`,
      [lastId],
    )
    if (page.length === 0) break
    const ids = page.map((r) => num(r.id))
    const saved = await savedArticles(ctx, lang, locale, page)
    prefetchPictures(ctx, page, lang, saved, categories)
    const tagRows = await source.rows(`SELECT id, keyword FROM ${source.table(lang, 'tags_id')} WHERE id IN (?)`, [ids])
    const penRows = await source.rows(`SELECT id, aid FROM ${source.table(lang, 'authorlist')} WHERE id IN (?) ORDER BY id, aid`, [ids])
    for (const row of page) {
      lastId = num(row.id)
      const extra = {
        tags: tagRows.filter((t) => num(t.id) === lastId).map((t) => String(t.keyword)),
        authors: penRows.filter((p) => num(p.id) === lastId).map((p) => authors.get(num(p.aid))).filter((a): a is number | string => a !== undefined),
        topic: topics.get(num(row.topicid)),
        source: sources.get(num(row.sourceid)),
      }
      await importArticle(ctx, lang, locale, row, categories, extra, saved.get(`${lang}:news_rows:${lastId}`))
      done += 1
      ctx.onProgress?.({ phase: 'articles', done, total: Number(total) })
      if (ctx.stopAfterArticles !== undefined && done >= ctx.stopAfterArticles) throw new StoppedForTest(`dừng sau ${done} bài (thử nghiệm)`)
    }
  }
}

/** The page's articles imported before, by NukeViet key: one query for the page, not one per article. */
async function savedArticles(ctx: Ctx, lang: string, locale: Locale, rows: Row[]): Promise<Map<string, Keyed>> {
  const keys = rows.map((r) => `${lang}:news_rows:${num(r.id)}`)
  const found = await ctx.payload.find({
    collection: 'articles',
    where: { nukevietKey: { in: keys } },
    limit: keys.length,
    depth: 0,
    draft: true,
    locale,
    overrideAccess: true,
    select: { nukevietKey: true, slug: true, updatedAt: true },
  })
  return new Map(found.docs.map((doc) => [String(doc.nukevietKey), doc as unknown as Keyed]))
}

/** Imported before and not edited on NukeViet since: nothing to write. */
const unchanged = (row: Row, saved: Keyed | undefined) => saved !== undefined && num(row.edittime) * 1000 <= Date.parse(String(saved.updatedAt))

type Extra = { tags: string[]; authors: (number | string)[]; topic?: string; source?: { title: string; link: string } }

/** What a NukeViet status becomes here (README: Chuyển từ NukeViet). */
function statusOf(ctx: Ctx, row: Row): { kind: keyof ImportSummary['statuses']; publishedAt: string | null; expiresAt: string | null; scheduleAt?: Date } {
  const now = ctx.now.getTime() / 1000
  let status = num(row.status)
  const publtime = num(row.publtime)
  const exptime = num(row.exptime)
  const publishedAt = publtime ? iso(publtime) : null
  const expiresAt = exptime && exptime > publtime ? iso(exptime) : null
  if (status > 20) return { kind: 'draft', publishedAt, expiresAt } // inside a suspended category
  if (status === 1 || status === 2) {
    if (exptime && exptime <= now) return { kind: 'expired', publishedAt, expiresAt: expiresAt ?? iso(exptime) }
    if (publtime > now) return { kind: 'scheduled', publishedAt, expiresAt, scheduleAt: new Date(publtime * 1000) }
    return { kind: 'published', publishedAt, expiresAt }
  }
  if (status === 3) return expiresAt ? { kind: 'expired', publishedAt, expiresAt } : { kind: 'draft', publishedAt, expiresAt: null }
  if ([5, 7, 8, 10].includes(status)) return { kind: 'submitted', publishedAt, expiresAt }
  status = 0
  return { kind: 'draft', publishedAt, expiresAt }
}

type Uploaded = { id: number | string; url: string }
type UploadResult = Uploaded | null | 'missing' | 'unreadable'

/** Pictures made at once: libvips makes each one's sizes on both cores; a second overlaps the article work. */
const UPLOADS_AT_ONCE = Number(process.env.IMPORT_UPLOADS_AT_ONCE) || 2

/**
 * A picture of the old site's `uploads/news/`, uploaded once (found by its key afterwards); the
 * first article naming it gives its alt text. Uploads run in the background, two at a time,
 * ahead of the articles that use them (see `prefetchPictures`); an article awaits its own.
 * `null`: not one of the site's pictures (another host, another folder); `'missing'`: its file is
 * not in --site; `'unreadable'`: the file is no picture the images collection takes (reported).
 */
function uploadImage(ctx: Ctx, src: string, alt: string, articleKey: string): Promise<UploadResult> {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(src, 'http://nukeviet.invalid').pathname)
  } catch {
    return Promise.resolve(null)
  }
  const match = /^\/uploads\/news\/(.+)$/.exec(pathname)
  if (!match) return Promise.resolve(null)
  const rel = match[1]
  if (rel.split('/').some((part) => part === '..' || part === '')) return Promise.resolve(null)
  const key = `img:news/${rel}`
  let job = ctx.uploads.get(key)
  if (!job) {
    job = uploadOnce(ctx, key, rel, alt, articleKey)
    ctx.uploads.set(key, job)
  }
  return job
}

async function uploadOnce(ctx: Ctx, key: string, rel: string, alt: string, articleKey: string): Promise<UploadResult> {
  const existing = await findByKey(ctx, 'images', key)
  if (existing) {
    const found = { id: existing.id, url: String(existing.url ?? '') }
    ctx.images.set(key, found)
    ctx.summary.counts.images.unchanged += 1
    return found
  }
  const file = path.join(ctx.site, 'uploads', 'news', rel)
  if (!fs.existsSync(file)) {
    ctx.summary.missingImages.push({ file: `uploads/news/${rel}`, article: articleKey })
    ctx.images.set(key, null)
    return 'missing'
  }
  if (ctx.dryRun) {
    ctx.summary.counts.images.created += 1
    const found = { id: `dry:${key}`, url: '' }
    ctx.images.set(key, found)
    return found
  }
  // Stored under its whole NukeViet path (2026_09/x.jpg → 2026_09-x.jpg): NukeViet keeps names
  // unique within a folder only, and Payload finds a free name for a taken one by trying x-1, x-2…
  // one query at a time. Two pictures of one stem are never made at once: both would take the
  // same free name.
  const name = rel.replace(/\//g, '-')
  const stem = name.toLowerCase().replace(/(?:-\d+)?\.[^.]*$/, '')
  await ctx.uploadSlots.acquire(stem)
  try {
    const upload = (await getFileByPath(file))!
    const doc = await ctx.payload.create({
      collection: 'images',
      data: { alt: alt.slice(0, 250), nukevietKey: key },
      file: { ...upload, name },
      overrideAccess: true,
      depth: 0,
    })
    const found = { id: doc.id, url: String(doc.url ?? '') }
    ctx.images.set(key, found)
    ctx.summary.counts.images.created += 1
    ctx.onProgress?.({ phase: 'images', done: ctx.summary.counts.images.created, total: 0 })
    return found
  } catch (error) {
    // a damaged file or one over MAX_IMAGE_MEGAPIXELS: reported, the run goes on
    ctx.summary.skipped.push({ key: `uploads/news/${rel}`, reason: `ảnh không tải lên được: ${(error as Error).message}` })
    ctx.images.set(key, null)
    return 'unreadable'
  } finally {
    ctx.uploadSlots.release(stem)
  }
}

/** At most `size` at once, never two holding the same name. */
class Slots {
  private busy = new Set<string>()
  private waiting: { name: string; go: () => void }[] = []
  constructor(private size: number) {}
  acquire(name: string): Promise<void> {
    return new Promise((go) => {
      this.waiting.push({ name, go })
      this.pump()
    })
  }
  release(name: string) {
    this.busy.delete(name)
    this.pump()
  }
  private pump() {
    while (this.busy.size < this.size) {
      const next = this.waiting.findIndex((w) => !this.busy.has(w.name))
      if (next < 0) return
      const [{ name, go }] = this.waiting.splice(next, 1)
      this.busy.add(name)
      go()
    }
  }
}

/**
 * Starts the uploads of a page of articles' pictures, in the order the articles will ask for
 * them (body, then hero), for the articles that will be written (an article unchanged since the
 * last run uploads nothing). Nothing awaits them here; each article awaits its own.
 */
function prefetchPictures(ctx: Ctx, rows: Row[], lang: string, saved: Map<string, Keyed>, categories: Map<number, Category>) {
  for (const row of rows) {
    const key = `${lang}:news_rows:${num(row.id)}`
    if (unchanged(row, saved.get(key)) || !categories.has(num(row.catid))) continue
    const title = decodeText(row.title)
    const split = splitBody(String(row.bodyhtml ?? ''))
    ctx.bodies.set(key, split)
    for (const piece of split.pieces) {
      if (piece.kind !== 'image' || !piece.image.src) continue
      uploadImage(ctx, piece.image.src, piece.image.alt || piece.image.caption || title, key).catch(() => {})
    }
    const home = String(row.homeimgfile ?? '').trim()
    if (home && num(row.homeimgthumb) !== 3 && !/^(?:https?:)?\/\//i.test(home)) {
      uploadImage(ctx, `/uploads/news/${home}`, decodeText(row.homeimgalt) || title, key).catch(() => {})
    }
  }
}

type LexicalNode = { type: string; [k: string]: unknown }

/** The same id for the same block on every run (`nvvinews_rows12i1`): a rerun rewrites nothing. */
const blockId = (articleKey: string, kind: 'i' | 'v', n: number) => `nv${articleKey.replace(/\W/g, '')}${kind}${n}`.slice(0, 24)

async function buildBody(ctx: Ctx, html: string, title: string, articleKey: string, dropped: string[]) {
  // split once: when the article's pictures were started (prefetchPictures), else here
  const { pieces, dropped: removed } = ctx.bodies.get(articleKey) ?? splitBody(html)
  ctx.bodies.delete(articleKey)
  dropped.push(...removed)
  const children: LexicalNode[] = []
  let images = 0
  let videos = 0
  for (const piece of pieces) {
    if (piece.kind === 'html') {
      const state = convertHTMLToLexical({ editorConfig: ctx.editorConfig, html: piece.html, JSDOM: HappyJSDOM as never })
      children.push(...(state.root.children as LexicalNode[]))
      continue
    }
    if (piece.kind === 'video') {
      videos += 1
      children.push(videoEmbed(piece.url, '', blockId(articleKey, 'v', videos)))
      continue
    }
    const image: BodyImage = piece.image
    const alt = image.alt || image.caption || title
    const uploaded = image.src ? await uploadImage(ctx, image.src, alt, articleKey) : null
    if (!uploaded || typeof uploaded === 'string') {
      dropped.push(
        uploaded === 'missing'
          ? `ảnh ${image.src} (thiếu tệp)`
          : uploaded === 'unreadable'
            ? `ảnh ${image.src} (không đọc được)`
            : `ảnh ${image.src || '(không có src)'} (không nằm trong uploads/news của trang)`,
      )
      if (image.caption) children.push(...(convertHTMLToLexical({ editorConfig: ctx.editorConfig, html: `<p><em>${escape(image.caption)}</em></p>`, JSDOM: HappyJSDOM as never }).root.children as LexicalNode[]))
      continue
    }
    images += 1
    children.push(imageWithCaption(uploaded.id, image.caption, blockId(articleKey, 'i', images)))
  }
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } }
}

/** NukeViet's `imgposition`: 0 not on the article page, 1 small left of the lead, 2 large under it. */
const HERO_POSITION: Record<number, 'hidden' | 'small' | 'large'> = { 0: 'hidden', 1: 'small', 2: 'large' }

const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

async function importArticle(ctx: Ctx, lang: string, locale: Locale, row: Row, categories: Map<number, Category>, extra: Extra, existing: Keyed | undefined) {
  const nvId = num(row.id)
  const key = `${lang}:news_rows:${nvId}`
  const counts = ctx.summary.counts.articles
  const primary = categories.get(num(row.catid))
  if (!primary) {
    ctx.summary.skipped.push({ key, reason: `chuyên mục chính ${row.catid} không tồn tại` })
    return
  }
  const status = statusOf(ctx, row)
  ctx.summary.statuses[status.kind] += 1
  const title = decodeText(row.title)
  const oldUrl = `/${lang}/news/${primary.alias}/${row.alias}-${nvId}.html`
  const external = num(row.external_link) === 1 && /^https?:\/\//i.test(String(row.sourcetext ?? ''))

  // unchanged on NukeViet since we imported it: nothing to write (its redirect is still checked)
  if (existing && unchanged(row, existing)) {
    counts.unchanged += 1
    await redirect(ctx, oldUrl, external ? String(row.sourcetext) : localePath(locale, `/bai-viet/${existing.slug}`))
    return
  }

  const dropped: string[] = []
  const bodyHtml = String(row.bodyhtml ?? '')
  const body = await buildBody(ctx, bodyHtml, title, key, dropped)
  let heroImage: number | string | null = null
  const home = String(row.homeimgfile ?? '').trim()
  const homeAlt = decodeText(row.homeimgalt)
  if (home) {
    if (num(row.homeimgthumb) === 3 || /^(?:https?:)?\/\//i.test(home)) {
      dropped.push(`ảnh đại diện ở trang khác ${home} (không tải về)`)
    } else {
      const uploaded = await uploadImage(ctx, `/uploads/news/${home}`, homeAlt || title, key)
      if (uploaded && typeof uploaded !== 'string') heroImage = uploaded.id
      else dropped.push(`ảnh đại diện ${home} (${uploaded === 'missing' ? 'thiếu tệp' : 'không đọc được'})`)
    }
  }
  if (dropped.length) ctx.summary.dropped.push({ article: key, what: dropped })

  const otherCats = String(row.listcatid ?? '')
    .split(',')
    .map((c) => categories.get(num(c.trim()))?.id)
    .filter((c): c is number | string => c !== undefined)
  const author = decodeText(row.author)
  const sourceName = extra.source?.title || ''
  const byline = [author, sourceName && !author.includes(sourceName) ? `Theo ${sourceName}` : ''].filter(Boolean).join(' - ').slice(0, MAX_BYLINE)
  const tags = mergeTags([extra.tags, splitKeywords(row.keywords), extra.topic ? [extra.topic] : []])
  const slug = existing ? String(existing.slug) : await freeSlug(ctx, 'articles', String(row.alias || title), nvId)
  const publishing = status.kind === 'published' || status.kind === 'expired'
  const data: Record<string, unknown> = {
    title,
    slug,
    lead: decodeLead(row.hometext),
    body,
    heroImage,
    heroCaption: heroImage ? homeAlt : '',
    heroPosition: HERO_POSITION[num(row.imgposition)] ?? 'large',
    byline: byline || null,
    authors: extra.authors,
    primaryCategory: primary.id,
    categories: [...new Set([primary.id, ...otherCats])],
    tags,
    publishedAt: status.publishedAt,
    expiresAt: status.expiresAt,
    allowRating: num(row.allowed_rating) === 1,
    _status: publishing ? 'published' : 'draft',
    ...(status.kind === 'submitted' ? { reviewStatus: 'submitted' } : {}),
  }
  let id: number | string
  if (existing) {
    counts.updated += 1
    id = existing.id
    // not a draft version: an article suspended on NukeViet since must leave the portal here too
    if (!ctx.dryRun) await ctx.payload.update({ collection: 'articles', id, data, locale, draft: false, overrideAccess: true, depth: 0, context: { nukevietImport: true } })
  } else {
    counts.created += 1
    id = `dry:${key}`
    if (!ctx.dryRun) {
      const doc = await ctx.payload.create({
        collection: 'articles',
        data: { ...data, nukevietKey: key } as never,
        locale,
        draft: !publishing,
        overrideAccess: true,
        depth: 0,
        context: { nukevietImport: true },
      })
      id = doc.id
    }
  }
  if (status.scheduleAt && !ctx.dryRun) await schedulePublish(ctx, id, status.scheduleAt)
  await redirect(ctx, oldUrl, external ? String(row.sourcetext) : localePath(locale, `/bai-viet/${slug}`))
}

/** Status 2 with a future `publtime`: our scheduled publishing (the job the admin's drawer queues), once. */
async function schedulePublish(ctx: Ctx, id: number | string, at: Date) {
  const pending = await ctx.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.doc.value': { equals: String(id) } },
        { completedAt: { exists: false } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (pending.docs.length) return
  await ctx.payload.jobs.queue({
    task: 'schedulePublish',
    // no user: the job publishes with the system's rights, as an import does
    input: { type: 'publish', doc: { relationTo: 'articles', value: String(id) as unknown as number } },
    waitUntil: at,
  } as never)
}

/** The id of an imported article by its NukeViet key (the figures module's way in). */
export function articleIdByKey(payload: Payload) {
  return async (key: string): Promise<number | string | undefined> => {
    const found = await payload.find({ collection: 'articles', where: { nukevietKey: { equals: key } }, limit: 1, depth: 0, draft: true, overrideAccess: true, select: {} })
    return found.docs[0]?.id
  }
}
