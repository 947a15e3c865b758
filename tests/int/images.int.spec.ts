/** Uploaded images get every size pages use, WebP variants beside them, and must describe themselves. */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'

import { createTestPayload, type TestPayload } from '../helpers/payload'

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
