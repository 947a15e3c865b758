/**
 * `npm run import:nukeviet`, the content: a NukeViet 4.5 news module built in MariaDB by the test
 * (NukeViet's escaping, statuses, both caption styles, a category tree, a picture used twice, a
 * missing file, a table, a YouTube iframe, an English module) moves over; a dry run writes
 * nothing; a run stopped after 3 articles is finished by the next; a second run changes nothing.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { importNukeViet, StoppedForTest, type ImportSummary } from '../../src/import/nukeviet/importer'
import { ImportError, openSource, type Source } from '../../src/import/nukeviet/source'
import { createNukeViet, type NukeVietFixture } from '../helpers/nukeviet'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { redirectKey } from '../../src/redirects/paths.mjs'

let ctx: TestPayload
let payload: Payload
let nv: NukeVietFixture
let source: Source

const NOW = Math.floor(Date.now() / 1000)
const DAY = 86_400

const FIGURE_BODY = `<p style="text-align: justify;">Theo báo cáo của UBND huyện Bù Đăng, &quot;giải ngân&quot; đạt 98&#x25;.</p>

<figure class="image image-center"><img alt="Quang cảnh buổi làm việc tại huyện Bù Đăng" height="533" src="/uploads/news/2026_11/lam-viec-bu-dang-2.jpg" width="800" />
<figcaption>Quang cảnh buổi làm việc tại huyện Bù Đăng</figcaption>
</figure>

<p style="text-align: justify;">Đoạn giữa.</p>

<p style="text-align: center;"><img alt="" src="/uploads/news/2026_11/dsc_1430.jpg" style="width: 800px; height: 533px;" /></p>

<p style="text-align: center;"><em>Lễ hội S&#039;tiêng sóc Bom Bo</em></p>

<table border="1">
	<tbody>
		<tr>
			<td>Huyện</td>
			<td>Tỷ lệ</td>
		</tr>
		<tr>
			<td>Bù Đăng</td>
			<td>98%</td>
		</tr>
	</tbody>
</table>

<p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315"></iframe></p>

<p><iframe src="https://www.google.com/maps/embed?pb=1" width="600" height="450"></iframe></p>

<p style="text-align: right;"><strong>Minh Tâm</strong></p>`

const plain = (text: string) => `<p>${text}</p>`

async function buildSite() {
  nv = await createNukeViet()
  await nv.createLanguage('vi')
  await nv.createLanguage('en')
  for (const [catid, parentid, title, alias, sort, lev] of [
    [1, 0, 'Tin tức - Sự kiện', 'tin-tuc-su-kien', 1, 0],
    [2, 1, 'Hoạt động của lãnh đạo tỉnh', 'hoat-dong-cua-lanh-dao-tinh', 2, 1],
    [3, 0, 'Kinh tế &amp; Đầu tư', 'kinh-te', 3, 0],
  ] as const) {
    await nv.insert('vi', 'cat', { catid, parentid, title, alias, sort, lev, weight: sort, status: 1 })
  }
  await nv.insert('en', 'cat', { catid: 1, parentid: 0, title: 'News', alias: 'news', sort: 1, lev: 0, weight: 1, status: 1 })
  await nv.insert('vi', 'sources', { sourceid: 1, title: 'Đài PT-TH&amp;BBP', link: 'https://bptv.vn' })
  await nv.insert('vi', 'author', { id: 1, uid: 2, alias: 'Minh-Tam', pseudonym: 'Minh Tâm' })
  await nv.insert('vi', 'author', { id: 2, uid: 3, alias: 'Hong-Nhung', pseudonym: 'Hồng Nhung' })
  await nv.insert('vi', 'topics', { topicid: 1, title: 'Xúc tiến đầu tư 2026', alias: 'xuc-tien-dau-tu-2026' })
  await nv.insert('vi', 'tags', { tid: 1, alias: 'đầu-tư-công', keywords: 'đầu tư công', title: '' })
  await nv.addPicture('2026_11/lam-viec-bu-dang-2.jpg', 1200, 800)
  await nv.addPicture('2026_11/dsc_1430.jpg', 1024, 683)

  const base = { publtime: NOW - 10 * DAY }
  await nv.addArticle('vi', {
    ...base,
    id: 1,
    catid: 2,
    listcatid: '2,1',
    status: 1,
    title: 'Chủ tịch UBND tỉnh&#x3A; &quot;Giải ngân&quot; vốn S&#039;tiêng đạt 98&#x25;',
    alias: 'chu-tich-ubnd-tinh-giai-ngan',
    hometext: '(CTTĐTBP) - Sáng 28/11, &quot;đoàn công tác&quot; làm việc.<br />Dòng thứ hai & hết.',
    author: 'Trọng Nghĩa &#40;Đài PT-TH&amp;BBP&#41;',
    sourceid: 1,
    sourcetext: 'https://bptv.vn',
    homeimgfile: '2026_11/lam-viec-bu-dang-2.jpg',
    homeimgalt: 'Quang cảnh &quot;buổi làm việc&quot;',
    keywords: 'đầu tư công, Bù Đăng',
    tags: ['đầu tư công', 'giải ngân'],
    topicid: 1,
    penIds: [1, 2],
    bodyhtml: FIGURE_BODY,
  })
  await nv.addArticle('vi', { id: 2, catid: 3, status: 2, publtime: NOW + 5 * DAY, title: 'Hẹn giờ đăng', alias: 'hen-gio', bodyhtml: plain('Sắp đăng.') })
  await nv.addArticle('vi', { id: 3, catid: 3, status: 3, publtime: NOW - 60 * DAY, exptime: NOW - 30 * DAY, title: 'Hết hạn lưu trữ', alias: 'het-han', bodyhtml: plain('Cũ.') })
  await nv.addArticle('vi', { id: 4, catid: 3, status: 1, publtime: NOW - 60 * DAY, exptime: NOW - DAY, title: 'Đăng nhưng đã quá hạn', alias: 'qua-han', bodyhtml: plain('Quá hạn.') })
  await nv.addArticle('vi', { id: 5, catid: 1, status: 4, publtime: NOW - DAY, title: 'Bản nháp', alias: 'ban-nhap', bodyhtml: plain('Nháp.') })
  await nv.addArticle('vi', { id: 6, catid: 1, status: 5, publtime: NOW - DAY, title: 'Chuyển duyệt', alias: 'chuyen-duyet', bodyhtml: plain('Chờ.') })
  await nv.addArticle('vi', { id: 7, catid: 1, status: 0, publtime: NOW - 20 * DAY, title: 'Đình chỉ', alias: 'dinh-chi', bodyhtml: plain('Ngưng.') })
  await nv.addArticle('vi', {
    ...base,
    id: 8,
    catid: 3,
    status: 1,
    external_link: 1,
    sourcetext: 'https://bptv.vn/kinh-te/bai-goc.html',
    title: 'Bài dẫn nguồn ngoài',
    alias: 'bai-dan-nguon',
    bodyhtml: plain('Xem bài gốc.'),
  })
  await nv.addArticle('vi', { id: 9, catid: 3, status: 2, imgposition: 0, publtime: NOW - 2 * DAY, title: 'Hẹn giờ đã tới', alias: 'hen-gio-da-toi', bodyhtml: plain('Đã tới giờ.') })
  // the same alias as id 1 (NukeViet tells them apart by the id), the same picture again, a missing file
  await nv.addArticle('vi', {
    ...base,
    id: 10,
    catid: 1,
    status: 1,
    title: 'Trùng alias',
    alias: 'chu-tich-ubnd-tinh-giai-ngan',
    homeimgfile: '2026_11/dsc_1430.jpg',
    imgposition: 1,
    bodyhtml: `${plain('Ảnh lặp lại và ảnh thiếu.')}\n\n<figure class="image image-left"><img alt="Ảnh thiếu" src="/uploads/news/2026_11/khong-co.jpg" width="400" height="267" />\n<figcaption>Ảnh thiếu</figcaption>\n</figure>`,
  })
  await nv.addArticle('en', { ...base, id: 1, catid: 1, status: 1, title: 'Binh Phuoc&#039;s investment', alias: 'binh-phuoc-investment', bodyhtml: plain('In English.') })
  source = await openSource(nv.dsn, 'nv4')
}

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  await buildSite()
})

afterAll(async () => {
  await source?.close()
  await nv?.drop()
  await ctx?.close()
})

const run = (extra: Partial<Parameters<typeof importNukeViet>[0]> = {}) => importNukeViet({ payload, source, site: nv.site, ...extra })
const count = async (collection: 'articles' | 'images' | 'categories' | 'authors' | 'redirects') =>
  (await payload.count({ collection, overrideAccess: true })).totalDocs
const article = async (key: string, locale: 'vi' | 'en' = 'vi') =>
  (await payload.find({ collection: 'articles', where: { nukevietKey: { equals: key } }, draft: true, depth: 0, locale, overrideAccess: true })).docs[0]!
const isPublic = async (key: string) =>
  (await payload.find({ collection: 'articles', where: { nukevietKey: { equals: key } }, overrideAccess: false, depth: 0 })).totalDocs === 1
/** Where an old address leads: its row, found as the front server finds it (in the one form). */
const redirectTo = async (from: string) =>
  (await payload.find({ collection: 'redirects', where: { from: { equals: redirectKey(from) } }, overrideAccess: true })).docs[0]?.to

let first: ImportSummary

/**
 * An `edittime` after our last save and before the next (NukeViet keeps whole seconds): a second
 * passes, then the current second.
 */
async function savedOnNukeVietNow() {
  await new Promise((resolve) => setTimeout(resolve, 1000))
  return Math.floor(Date.now() / 1000)
}

describe('refusals', () => {
  it('names a wrong password, a missing database and a closed port in Vietnamese', async () => {
    await expect(openSource('mysql://root:sai@127.0.0.1:3306/khong_co', 'nv4')).rejects.toThrow(ImportError)
    await expect(openSource('mysql://root@127.0.0.1:3306/khong_co_csdl_nay', 'nv4')).rejects.toThrow('Không có cơ sở dữ liệu "khong_co_csdl_nay"')
    await expect(openSource('mysql://root@127.0.0.1:1/x', 'nv4')).rejects.toThrow('Không kết nối được MySQL tại 127.0.0.1:1')
    await expect(openSource('postgres://x/y', 'nv4')).rejects.toThrow('phải bắt đầu bằng mysql://')
  })

  it('refuses a prefix with no news tables, an unknown language and a site without uploads/, writing nothing', async () => {
    const other = await openSource(nv.dsn, 'nv3')
    await expect(importNukeViet({ payload, source: other, site: nv.site })).rejects.toThrow('Không thấy bảng tin tức NukeViet nào (nv3_vi_news_rows…)')
    await other.close()
    await expect(run({ langs: ['fr'] })).rejects.toThrow('Ngôn ngữ "fr" không có trong cơ sở dữ liệu NukeViet (có: vi, en).')
    await expect(run({ site: '/tmp' })).rejects.toThrow('không có uploads/')
    expect(await count('articles')).toBe(0)
  })
})

describe('a dry run', () => {
  it('counts what it would create and writes nothing', async () => {
    const summary = await run({ dryRun: true })
    expect(summary.counts.articles).toEqual({ created: 11, updated: 0, unchanged: 0 })
    expect(summary.counts.categories).toEqual({ created: 4, updated: 0, unchanged: 0 })
    expect(summary.counts.images).toEqual({ created: 2, updated: 0, unchanged: 0 })
    expect(summary.missingImages).toEqual([{ file: 'uploads/news/2026_11/khong-co.jpg', article: 'vi:news_rows:10' }])
    expect(summary.dropped).toEqual([
      { article: 'vi:news_rows:1', what: ['iframe https://www.google.com/maps/embed?pb=1 (chỉ giữ video YouTube, Vimeo)'] },
      { article: 'vi:news_rows:10', what: ['ảnh /uploads/news/2026_11/khong-co.jpg (thiếu tệp)'] },
    ])
    for (const collection of ['articles', 'images', 'categories', 'authors', 'redirects'] as const) expect(await count(collection)).toBe(0)
  })
})

describe('a run stopped after 3 articles, then finished', () => {
  it('keeps the 3 and the next run adds the 8 others without copying any', async () => {
    await expect(run({ stopAfterArticles: 3 })).rejects.toThrow(StoppedForTest)
    expect(await count('articles')).toBe(3)
    first = await run()
    expect(first.counts.articles).toEqual({ created: 8, updated: 0, unchanged: 3 })
    expect(await count('articles')).toBe(11)
    expect(await count('images')).toBe(2)
    expect(await count('categories')).toBe(4)
    expect(await count('authors')).toBe(2)
  })
})

describe('what moves', () => {
  it('writes the NukeViet key on articles, categories, authors and images', async () => {
    const keys = async (collection: 'categories' | 'authors' | 'images') =>
      (await payload.find({ collection, limit: 100, overrideAccess: true, depth: 0, sort: 'nukevietKey' })).docs.map((d) => d.nukevietKey)
    expect(await keys('categories')).toEqual(['en:news_cat:1', 'vi:news_cat:1', 'vi:news_cat:2', 'vi:news_cat:3'])
    expect(await keys('authors')).toEqual(['vi:news_authors:1', 'vi:news_authors:2'])
    expect(await keys('images')).toEqual(['img:news/2026_11/dsc_1430.jpg', 'img:news/2026_11/lam-viec-bu-dang-2.jpg'])
  })

  it('keeps the category tree, its order and aliases, with names decoded', async () => {
    const cats = (await payload.find({ collection: 'categories', sort: 'order', depth: 0, overrideAccess: true, where: { nukevietKey: { like: 'vi:' } } })).docs
    expect(cats.map((c) => [c.name, c.slug, c.order])).toEqual([
      ['Tin tức - Sự kiện', 'tin-tuc-su-kien', 1],
      ['Hoạt động của lãnh đạo tỉnh', 'hoat-dong-cua-lanh-dao-tinh', 2],
      ['Kinh tế & Đầu tư', 'kinh-te', 3],
    ])
    expect(cats[1]!.parent).toBe(cats[0]!.id)
    expect(cats[0]!.parent ?? null).toBeNull()
  })

  it('decodes title, lead, byline and tags as typed, and keeps categories, pen names and times', async () => {
    const doc = await article('vi:news_rows:1')
    expect(doc.title).toBe('Chủ tịch UBND tỉnh: "Giải ngân" vốn S\'tiêng đạt 98%')
    expect(doc.slug).toBe('chu-tich-ubnd-tinh-giai-ngan')
    expect(doc.lead).toBe('(CTTĐTBP) - Sáng 28/11, "đoàn công tác" làm việc.\nDòng thứ hai & hết.')
    expect(doc.byline).toBe('Trọng Nghĩa (Đài PT-TH&BBP)')
    expect(doc.tags).toEqual(['đầu tư công', 'giải ngân', 'Bù Đăng', 'Xúc tiến đầu tư 2026'])
    const cats = await payload.find({ collection: 'categories', where: { nukevietKey: { in: ['vi:news_cat:2', 'vi:news_cat:1'] } }, sort: 'order', overrideAccess: true })
    expect(doc.primaryCategory).toBe(cats.docs[1]!.id)
    expect(doc.categories).toEqual([cats.docs[1]!.id, cats.docs[0]!.id])
    expect((doc.authors as number[]).length).toBe(2)
    expect(doc.publishedAt).toBe(new Date((NOW - 10 * DAY) * 1000).toISOString())
    expect(doc.heroCaption).toBe('Quang cảnh "buổi làm việc"')
  })

  it('turns both caption styles into image blocks, keeps the table and the YouTube video, reports the map, uploads each picture once', async () => {
    const doc = await article('vi:news_rows:1')
    type Fields = { blockType: string; image: number; caption: string; url: string }
    const children = (doc.body as { root: { children: { type: string; fields?: Fields }[] } }).root.children
    const blocks = children.filter((c) => c.fields?.blockType === 'imageWithCaption').map((c) => c.fields!)
    expect(blocks.map((b) => b.caption)).toEqual(['Quang cảnh buổi làm việc tại huyện Bù Đăng', "Lễ hội S'tiêng sóc Bom Bo"])
    expect(children.map((c) => c.fields?.blockType ?? c.type)).toEqual(['paragraph', 'imageWithCaption', 'paragraph', 'imageWithCaption', 'table', 'videoEmbed', 'paragraph'])
    expect(children[5]!.fields).toMatchObject({ url: 'https://www.youtube.com/embed/dQw4w9WgXcQ', caption: '' })
    expect(doc.heroImage).toBe(blocks[0]!.image)
    const images = await payload.find({ collection: 'images', sort: 'nukevietKey', overrideAccess: true })
    // the centred-<p> picture had no alt: its caption gives it one
    expect(images.docs.map((i) => i.alt)).toEqual(["Lễ hội S'tiêng sóc Bom Bo", 'Quang cảnh buổi làm việc tại huyện Bù Đăng'])
    expect(images.docs[1]!.sizes?.thumbnail?.width).toBe(320)
    expect(first.dropped).toEqual([
      { article: 'vi:news_rows:10', what: ['ảnh /uploads/news/2026_11/khong-co.jpg (thiếu tệp)'] },
    ])
  })

  it('makes status 1 public; 2 scheduled or at once when due; 3 and past-expiry expired; 0, 4 and 5 drafts', async () => {
    const publicKeys: string[] = []
    for (let id = 1; id <= 10; id += 1) if (await isPublic(`vi:news_rows:${id}`)) publicKeys.push(`vi:news_rows:${id}`)
    expect(publicKeys).toEqual(['vi:news_rows:1', 'vi:news_rows:8', 'vi:news_rows:9', 'vi:news_rows:10'])
    expect((await article('vi:news_rows:3')).expiresAt).toBe(new Date((NOW - 30 * DAY) * 1000).toISOString())
    expect((await article('vi:news_rows:4'))._status).toBe('published')
    expect((await article('vi:news_rows:5'))._status).toBe('draft')
    expect((await article('vi:news_rows:6')).reviewStatus).toBe('submitted')
    expect((await article('vi:news_rows:7'))._status).toBe('draft')
    const scheduled = await article('vi:news_rows:2')
    expect(scheduled._status).toBe('draft')
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, overrideAccess: true })
    expect(jobs.docs.map((j) => [(j.input as { doc: { value: string } }).doc.value, j.waitUntil])).toEqual([
      [String(scheduled.id), new Date((NOW + 5 * DAY) * 1000).toISOString()],
    ])
    expect(first.statuses).toEqual({ published: 5, scheduled: 1, expired: 2, draft: 2, submitted: 1 })
  })

  it('gives two articles with one alias pages of their own', async () => {
    expect((await article('vi:news_rows:10')).slug).toBe('chu-tich-ubnd-tinh-giai-ngan-10')
  })

  it('keeps where NukeViet showed the hero image (imgposition 2, 1, 0)', async () => {
    expect((await article('vi:news_rows:1')).heroPosition).toBe('large')
    expect((await article('vi:news_rows:10')).heroPosition).toBe('small')
    expect((await article('vi:news_rows:9')).heroPosition).toBe('hidden')
  })

  it('moves the English module into the English locale', async () => {
    const doc = await article('en:news_rows:1', 'en')
    expect(doc.title).toBe("Binh Phuoc's investment")
  })

  it('writes one redirect per old address, in NukeViet form', async () => {
    expect(await redirectTo('/vi/news/hoat-dong-cua-lanh-dao-tinh/chu-tich-ubnd-tinh-giai-ngan-1.html')).toBe('/bai-viet/chu-tich-ubnd-tinh-giai-ngan')
    expect(await redirectTo('/vi/news/tin-tuc-su-kien/chu-tich-ubnd-tinh-giai-ngan-10.html')).toBe('/bai-viet/chu-tich-ubnd-tinh-giai-ngan-10')
    expect(await redirectTo('/vi/news/kinh-te/bai-dan-nguon-8.html')).toBe('https://bptv.vn/kinh-te/bai-goc.html')
    expect(await redirectTo('/en/news/news/binh-phuoc-investment-1.html')).toBe('/en/bai-viet/binh-phuoc-investment')
    expect(await redirectTo('/vi/news/kinh-te/')).toBe('/chuyen-muc/kinh-te')
    expect(await redirectTo('/vi/news/rss/kinh-te/')).toBe('/chuyen-muc/kinh-te/rss.xml')
    expect(await redirectTo('/vi/news/rss/')).toBe('/rss.xml')
    expect(await redirectTo('/vi/news/tag/đầu-tư-công')).toBe(`/the/${encodeURIComponent('đầu tư công')}`)
    expect(await redirectTo('/vi/news/author/Minh-Tam/')).toBe('/tac-gia/minh-tam')
    expect(await redirectTo('/vi/news/topic/xuc-tien-dau-tu-2026/')).toBe(`/the/${encodeURIComponent('Xúc tiến đầu tư 2026')}`)
    const image = (await payload.find({ collection: 'images', where: { nukevietKey: { equals: 'img:news/2026_11/dsc_1430.jpg' } }, overrideAccess: true })).docs[0]!
    expect(await redirectTo('/uploads/news/2026_11/dsc_1430.jpg')).toBe(image.url)
    const all = await payload.find({ collection: 'redirects', limit: 0, overrideAccess: true })
    // 11 articles, 4 categories × 2 (page, RSS), 2 module homes + 2 module feeds, 2 authors, 1 topic, 1 tag, 2 pictures
    expect(all.totalDocs).toBe(11 + 8 + 4 + 2 + 1 + 1 + 2)
    expect(all.totalDocs).toBe(29)
    expect(all.docs.every((r) => r.source === 'nukeviet')).toBe(true)
  })
})

describe('a second run', () => {
  it('changes nothing', async () => {
    const before = await article('vi:news_rows:1')
    const summary = await run()
    expect(summary.counts).toEqual({
      categories: { created: 0, updated: 0, unchanged: 4 },
      authors: { created: 0, updated: 0, unchanged: 2 },
      images: { created: 0, updated: 0, unchanged: 2 },
      articles: { created: 0, updated: 0, unchanged: 11 },
      redirects: { created: 0, updated: 0, unchanged: 29 },
    })
    expect((await article('vi:news_rows:1')).updatedAt).toBe(before.updatedAt)
    expect(await count('articles')).toBe(11)
    expect(await count('images')).toBe(2)
  })

  it('updates an article edited on NukeViet since', async () => {
    await nv.db.query(`UPDATE nv4_vi_news_rows SET title = 'Đã sửa &amp; lưu', edittime = ? WHERE id = 5`, [await savedOnNukeVietNow()])
    const summary = await run()
    expect(summary.counts.articles).toEqual({ created: 0, updated: 1, unchanged: 10 })
    expect((await article('vi:news_rows:5')).title).toBe('Đã sửa & lưu')
    expect(await count('articles')).toBe(11)
  })

  it('takes a published article off the portal when NukeViet suspended it since', async () => {
    expect(await isPublic('vi:news_rows:9')).toBe(true)
    await nv.db.query(`UPDATE nv4_vi_news_rows SET status = 0, edittime = ? WHERE id = 9`, [await savedOnNukeVietNow()])
    const summary = await run()
    expect(summary.counts.articles).toEqual({ created: 0, updated: 1, unchanged: 10 })
    expect(await isPublic('vi:news_rows:9')).toBe(false)
    expect((await article('vi:news_rows:9'))._status).toBe('draft')
  })
})

describe('an article added later whose picture is damaged, and whose source address cannot be held', () => {
  it('is imported without the picture and without that redirect, each reported, and the run goes on', async () => {
    const site = nv.site
    await fs.writeFile(path.join(site, 'uploads', 'news', '2026_11', 'hong.jpg'), 'không phải ảnh')
    await nv.addArticle('vi', {
      id: 12,
      catid: 3,
      status: 1,
      publtime: NOW - DAY,
      external_link: 1,
      sourcetext: 'https://bptv.vn/bai có dấu cách.html',
      title: 'Ảnh hỏng',
      alias: 'anh-hong',
      bodyhtml: `${plain('Trước ảnh.')}<figure class="image"><img alt="Ảnh hỏng" src="/uploads/news/2026_11/hong.jpg" /><figcaption>Ảnh hỏng</figcaption></figure>`,
    })
    const summary = await run()
    expect(summary.counts.articles).toEqual({ created: 1, updated: 0, unchanged: 11 })
    expect(summary.counts.images).toEqual({ created: 0, updated: 0, unchanged: 2 })
    expect(summary.skipped).toEqual([
      { key: 'uploads/news/2026_11/hong.jpg', reason: expect.stringMatching(/^ảnh không tải lên được: /) },
      {
        key: '/vi/news/kinh-te/anh-hong-12.html',
        reason: 'không tạo được chuyển hướng đến https://bptv.vn/bai có dấu cách.html: địa chỉ không hợp lệ',
      },
    ])
    expect(summary.dropped).toEqual([{ article: 'vi:news_rows:12', what: ['ảnh /uploads/news/2026_11/hong.jpg (không đọc được)'] }])
    expect((await article('vi:news_rows:12')).title).toBe('Ảnh hỏng')
    expect(await count('images')).toBe(2)
    expect(await redirectTo('/vi/news/kinh-te/anh-hong-12.html')).toBeUndefined()
  })
})
