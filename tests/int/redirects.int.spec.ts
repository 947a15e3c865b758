/**
 * Redirects (old address → page): how an old address is written down, what is refused, and what
 * happens when an editor changes a published article's or a category's slug.
 */
import type { Payload } from 'payload'

import { articleData, makeCategory } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let category: number

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  category = (await makeCategory(payload, 'Chuyên mục chuyển hướng')).id
})

afterAll(async () => ctx?.close())

const addRedirect = (from: string, to: string, source: 'manual' | 'slug' | 'nukeviet' = 'manual') =>
  payload.create({ collection: 'redirects', data: { from, to, source } })

const redirectsTo = async (to: string) =>
  (await payload.find({ collection: 'redirects', where: { to: { equals: to } }, limit: 100, sort: 'from' })).docs.map((doc) => doc.from)

const redirectFrom = async (from: string) =>
  (await payload.find({ collection: 'redirects', where: { from: { equals: from } }, limit: 1 })).docs[0]

/** The message a refused save answers with (Payload's ValidationError names the field and ours). */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string }[] } }).data
    return data?.errors?.map((e) => e.message).join(' | ') ?? (error as Error).message
  }
  throw new Error('the save was not refused')
}

describe('an old address is written down in one form', () => {
  it('keeps the path of a full URL, decodes its letters, and drops the trailing slash and the case', async () => {
    const doc = await addRedirect('https://binhphuoc.gov.vn/vi/news/tag/%C4%91%E1%BA%A7u-t%C6%B0-C%C3%94NG/', '/the/dau-tu-cong', 'nukeviet')
    expect(doc.from).toBe('/vi/news/tag/đầu-tư-công')
  })

  it('adds the default language to NukeViet addresses without one', async () => {
    const doc = await addRedirect('/news/kinh-te/', '/chuyen-muc/kinh-te')
    expect(doc.from).toBe('/vi/news/kinh-te')
  })

  it('turns index.php?language=…&nv=…&op=… into the address it stands for, whatever the order of its parameters', async () => {
    const doc = await addRedirect('/index.php?op=van-hoa-xa-hoi/le-hoi-3.html&nv=news&language=vi', '/bai-viet/le-hoi')
    expect(doc.from).toBe('/vi/news/van-hoa-xa-hoi/le-hoi-3.html')
  })

  it('keeps the query of another script, its parameters sorted, and drops it elsewhere', async () => {
    const script = await addRedirect('/tin.php?id=12&cat=3', '/bai-viet/tin-12')
    expect(script.from).toBe('/tin.php?cat=3&id=12')
    const page = await addRedirect('/gioi-thieu.html?utm_source=zalo', '/gioi-thieu')
    expect(page.from).toBe('/gioi-thieu.html')
  })

  it('refuses a second redirect for an address already written in another form', async () => {
    await addRedirect('/vi/news/thong-bao/', '/chuyen-muc/thong-bao')
    expect(await refusal(addRedirect('/news/THONG-BAO', '/chuyen-muc/khac'))).toContain('Địa chỉ cũ /vi/news/thong-bao đã có chuyển hướng')
  })
})

describe('refusals', () => {
  it('an old address that is not a path', async () => {
    expect(await refusal(addRedirect('vi/news/abc', '/bai-viet/abc'))).toContain('Địa chỉ cũ phải là một đường dẫn bắt đầu bằng “/”')
    expect(await refusal(addRedirect('javascript:alert(1)', '/bai-viet/abc'))).toContain('Địa chỉ cũ phải là một đường dẫn')
  })

  it('a destination that is neither a path here nor an http(s) address', async () => {
    for (const to of ['bai-viet/abc', '//evil.example/x', 'javascript:alert(1)', 'ftp://x.vn/a', '/bai viet']) {
      expect([to, await refusal(addRedirect(`/cu/${to.length}`, to))]).toEqual([to, expect.stringContaining('Địa chỉ mới phải là một đường dẫn trên trang này')])
    }
  })

  it('a redirect to itself', async () => {
    expect(await refusal(addRedirect('/vi/news/kinh-te/a-1.html', '/news/kinh-te/A-1.html'))).toContain('Địa chỉ mới trùng với địa chỉ cũ')
  })

  it('a loop, and nothing is saved', async () => {
    await addRedirect('/cu/vong-a', '/cu/vong-b')
    expect(await refusal(addRedirect('/cu/vong-b', '/cu/vong-a'))).toContain('vòng lặp')
    expect(await redirectFrom('/cu/vong-b')).toBeUndefined()
  })
})

describe('no chains', () => {
  it('a redirect to an old address goes straight to where that one goes', async () => {
    await addRedirect('/cu/trung-gian', '/bai-viet/dich')
    const doc = await addRedirect('/cu/goc', '/cu/trung-gian')
    expect(doc.to).toBe('/bai-viet/dich')
  })

  it('redirects to an address that becomes an old one are moved along with it', async () => {
    await addRedirect('/cu/mot', '/cu/hai')
    await addRedirect('/cu/ba', '/cu/hai')
    await addRedirect('/cu/hai', '/bai-viet/dich-moi')
    expect(await redirectsTo('/bai-viet/dich-moi')).toEqual(['/cu/ba', '/cu/hai', '/cu/mot'])
    expect(await redirectsTo('/cu/hai')).toEqual([])
  })
})

describe('two NukeViet articles sharing an alias', () => {
  it('land on their own pages: the id tells them apart', async () => {
    await addRedirect('/vi/news/kinh-te/hoi-nghi-xuc-tien-dau-tu-11.html', '/bai-viet/hoi-nghi-xuc-tien-dau-tu', 'nukeviet')
    await addRedirect('/vi/news/kinh-te/hoi-nghi-xuc-tien-dau-tu-12.html', '/bai-viet/hoi-nghi-xuc-tien-dau-tu-2', 'nukeviet')
    expect((await redirectFrom('/vi/news/kinh-te/hoi-nghi-xuc-tien-dau-tu-11.html')).to).toBe('/bai-viet/hoi-nghi-xuc-tien-dau-tu')
    expect((await redirectFrom('/vi/news/kinh-te/hoi-nghi-xuc-tien-dau-tu-12.html')).to).toBe('/bai-viet/hoi-nghi-xuc-tien-dau-tu-2')
  })
})

describe('an editor changes a slug', () => {
  it("of a published article: its old address redirects to the new one, and earlier redirects follow", async () => {
    const article = await payload.create({ collection: 'articles', data: { ...articleData(category), slug: 'ten-cu', _status: 'published' } })
    await addRedirect('/vi/news/kinh-te/ten-cu-5.html', '/bai-viet/ten-cu', 'nukeviet')
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'ten-moi', _status: 'published' } })
    const made = await redirectFrom('/bai-viet/ten-cu')
    expect(made).toMatchObject({ to: '/bai-viet/ten-moi', source: 'slug' })
    expect(await redirectsTo('/bai-viet/ten-moi')).toEqual(['/bai-viet/ten-cu', '/vi/news/kinh-te/ten-cu-5.html'])
  })

  it('of a published article in a draft: nothing until the draft is published', async () => {
    const article = await payload.create({ collection: 'articles', data: { ...articleData(category), slug: 'nhap-cu', _status: 'published' } })
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'nhap-moi', _status: 'draft' }, draft: true })
    expect(await redirectFrom('/bai-viet/nhap-cu')).toBeUndefined()
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    expect((await redirectFrom('/bai-viet/nhap-cu'))?.to).toBe('/bai-viet/nhap-moi')
  })

  it('of an article never published: no redirect (its old address showed nothing)', async () => {
    const article = await payload.create({ collection: 'articles', data: { ...articleData(category), slug: 'chua-dang-cu', _status: 'draft' }, draft: true })
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'chua-dang-moi', _status: 'published' } })
    expect(await redirectFrom('/bai-viet/chua-dang-cu')).toBeUndefined()
  })

  it('back to an earlier one: the page wins, and nothing loops', async () => {
    const article = await payload.create({ collection: 'articles', data: { ...articleData(category), slug: 'qua-lai-a', _status: 'published' } })
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'qua-lai-b', _status: 'published' } })
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'qua-lai-a', _status: 'published' } })
    expect(await redirectFrom('/bai-viet/qua-lai-a')).toBeUndefined()
    expect((await redirectFrom('/bai-viet/qua-lai-b'))?.to).toBe('/bai-viet/qua-lai-a')
  })

  it('a new article published at an old address removes its redirect', async () => {
    const first = await payload.create({ collection: 'articles', data: { ...articleData(category), slug: 'dia-chi-cu', _status: 'published' } })
    await payload.update({ collection: 'articles', id: first.id, data: { slug: 'dia-chi-da-doi', _status: 'published' } })
    expect(await redirectFrom('/bai-viet/dia-chi-cu')).toBeDefined()
    await payload.create({ collection: 'articles', data: { ...articleData(category), slug: 'dia-chi-cu', _status: 'published' } })
    expect(await redirectFrom('/bai-viet/dia-chi-cu')).toBeUndefined()
  })

  it('of a category: its old address redirects to the new one', async () => {
    const made = await payload.create({ collection: 'categories', data: { name: 'Đổi tên', slug: 'chuyen-muc-cu' } })
    await payload.update({ collection: 'categories', id: made.id, data: { slug: 'chuyen-muc-moi' } })
    expect((await redirectFrom('/chuyen-muc/chuyen-muc-cu'))?.to).toBe('/chuyen-muc/chuyen-muc-moi')
  })
})
