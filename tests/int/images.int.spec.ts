/**
 * Uploaded images get every size pages use, WebP variants beside them, and must describe themselves;
 * a file is stored under the type its bytes show, and only real images are stored.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'

import { carriesMarkup } from '../../src/collections/Images/hooks/detectedType'
import { IMAGE_MESSAGES } from '../../src/collections/Images/hooks/limitPixels'
import { makeUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
})

afterAll(async () => ctx?.close())

export async function photo(width = 1600, height = 1000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } }).jpeg().toBuffer()
}

describe('image uploads', () => {
  it('produce thumbnail, card, wide and og sizes with WebP variants', async () => {
    const data = await photo()
    const image = await payload.create({
      collection: 'images',
      data: { alt: 'Quang cảnh hội nghị', caption: 'Chú thích ảnh', credit: 'Ảnh: Minh Châu' },
      file: { data, mimetype: 'image/jpeg', name: 'hoi-nghi.jpg', size: data.length },
    })
    const sizes = image.sizes!
    expect(sizes.thumbnail).toMatchObject({ width: 320, height: 200, mimeType: 'image/jpeg' })
    expect(sizes.card).toMatchObject({ width: 640, height: 400, mimeType: 'image/jpeg' })
    expect(sizes.wide).toMatchObject({ width: 1280, height: 800, mimeType: 'image/jpeg' })
    expect(sizes.og).toMatchObject({ width: 1200, height: 630, mimeType: 'image/jpeg' })
    expect(sizes.thumbnailWebp).toMatchObject({ width: 320, height: 200, mimeType: 'image/webp' })
    expect(sizes.cardWebp).toMatchObject({ width: 640, height: 400, mimeType: 'image/webp' })
    expect(sizes.wideWebp).toMatchObject({ width: 1280, height: 800, mimeType: 'image/webp' })

    for (const size of Object.values(sizes)) {
      const file = path.join(process.env.MEDIA_DIR!, size!.filename!)
      const meta = await sharp(fs.readFileSync(file)).metadata()
      expect([meta.width, meta.height]).toEqual([size!.width, size!.height])
    }
  })

  it('are refused without alt text, and nothing is stored', async () => {
    const data = await photo(400, 300)
    await expect(
      payload.create({
        collection: 'images',
        data: {} as never,
        file: { data, mimetype: 'image/jpeg', name: 'khong-alt.jpg', size: data.length },
      }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await payload.count({ collection: 'images', where: { filename: { like: 'khong-alt' } } })).totalDocs).toBe(0)
  })

  it('are refused when the file is not an image', async () => {
    const data = Buffer.from('%PDF-1.4 not an image')
    await expect(
      payload.create({
        collection: 'images',
        data: { alt: 'Tệp sai' },
        file: { data, mimetype: 'application/pdf', name: 'tai-lieu.pdf', size: data.length },
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('what an upload is stored as', () => {
  const png = () => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 160, b: 90 } } }).png().toBuffer()
  const mediaFiles = () => (fs.existsSync(process.env.MEDIA_DIR!) ? fs.readdirSync(process.env.MEDIA_DIR!).sort() : [])
  const upload = (data: Buffer, name: string, mimetype: string) =>
    payload.create({ collection: 'images', data: { alt: 'Tải lên' }, file: { data, mimetype, name, size: data.length } })

  it.each([
    ['x.html', 'text/html'],
    ['anh.jpg', 'image/jpeg'],
    ['khong-duoi', 'application/octet-stream'],
  ])('a PNG sent as %s (%s) is stored as a .png, image/png', async (name, mimetype) => {
    const image = await upload(await png(), name, mimetype)
    expect(image.filename).toMatch(/\.png$/)
    expect(image.filename!.replace(/(-\d+)?\.png$/, '')).toBe(name.replace(/\.[^.]*$/, ''))
    expect(image.mimeType).toBe('image/png')
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, image.filename!))).toBe(true)
    expect(mediaFiles().filter((file) => /\.(html|jpg)$/.test(file) && file.startsWith(name.replace(/\.[^.]*$/, '')))).toEqual([])
  })

  it('a JPEG sent as photo.png is stored as photo.jpg', async () => {
    const image = await upload(await photo(200, 100), 'photo.png', 'image/png')
    expect(image).toMatchObject({ mimeType: 'image/jpeg' })
    expect(image.filename).toMatch(/^photo(-\d+)?\.jpg$/)
  })

  const refused: [string, () => Promise<Buffer>, string, string, string][] = [
    [
      'a PNG with a page appended (a polyglot)',
      async () => Buffer.concat([await png(), Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')]),
      'polyglot.png',
      'image/png',
      IMAGE_MESSAGES.markup,
    ],
    [
      'a GIF with a script tag after its image data',
      async () => Buffer.concat([Buffer.from('GIF89a'), (await sharp(await png()).gif().toBuffer()).subarray(6), Buffer.from('<SCRIPT src=//evil.example/x.js></SCRIPT>')]),
      'binh-thuong.gif',
      'image/gif',
      IMAGE_MESSAGES.markup,
    ],
    [
      'a JPEG with an image tag whose error handler runs a script',
      async () => Buffer.concat([await photo(120, 80), Buffer.from('<img src=x onerror=alert(document.domain)>')]),
      'anh-bay.jpg',
      'image/jpeg',
      IMAGE_MESSAGES.markup,
    ],
    ['an HTML page named as a PNG', async () => Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'trang.png', 'image/png', IMAGE_MESSAGES.unreadable],
    [
      'an SVG (it can carry scripts) named as a PNG',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
      've.png',
      'image/png',
      IMAGE_MESSAGES.notAnImageType('svg'),
    ],
    ['a TIFF', async () => sharp(await png()).tiff().toBuffer(), 'scan.tiff', 'image/tiff', IMAGE_MESSAGES.notAnImageType('tiff')],
  ]

  it.each(refused)('%s is refused with 400, and nothing is written', async (_, make, name, mimetype, message) => {
    const before = mediaFiles()
    const count = (await payload.count({ collection: 'images' })).totalDocs
    await expect(upload(await make(), name, mimetype)).rejects.toMatchObject({ status: 400, message })
    expect(mediaFiles()).toEqual(before)
    expect((await payload.count({ collection: 'images' })).totalDocs).toBe(count)
  })

  it('a replacement file is named by its type too', async () => {
    const image = await upload(await photo(300, 200), 'goc.jpg', 'image/jpeg')
    const replaced = await payload.update({
      collection: 'images',
      id: image.id,
      data: {},
      file: { data: await png(), mimetype: 'image/jpeg', name: 'moi.jpg', size: (await png()).length },
    })
    expect(replaced).toMatchObject({ mimeType: 'image/png' })
    expect(replaced.filename).toMatch(/^moi(-\d+)?\.png$/)
  })
})

describe('what counts as markup in an image', () => {
  it('a short tag name alone, as compressed image data holds by chance, is no markup; with an attribute it is', () => {
    const noise = (text: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0x10, 0x3c]), Buffer.from(text, 'latin1'), Buffer.from([0x00, 0x9c])])
    for (const chance of ['<img ', '<svg>', '<IMG/', '<meta\t', '<form ', '<html>', '<body '])
      expect([chance, carriesMarkup(noise(chance))]).toEqual([chance, false])
    for (const markup of ['<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<meta http-equiv="refresh" content="0;url=//evil.example">', '<script>', '<iframe/', '<?php '])
      expect([markup, carriesMarkup(noise(markup))]).toEqual([markup, true])
  })
})

describe('an image from an address', () => {
  it('is refused (400) before Payload fetches it: an image is uploaded from the editor’s machine, with every check', async () => {
    const editor = await makeUser(payload, 'editor', 'bien-tap-anh')
    const api = restClient(ctx.config)
    const token = await api.login(editor.email, editor.password)
    const count = (await payload.count({ collection: 'images' })).totalDocs
    const response = await api.request('POST', '/images', { token, json: { alt: 'Từ xa', filename: 'xa.gif', url: 'https://example.invalid/polyglot.png' } })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toBe(IMAGE_MESSAGES.fromAddress)
    expect((await payload.count({ collection: 'images' })).totalDocs).toBe(count)
  })
})
