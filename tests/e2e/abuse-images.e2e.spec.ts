/**
 * Abuse by pictures, against the real server (`npm start`): an image is decoded whole to make its
 * sizes, so its pixel count, not its bytes, decides the memory it takes. A reporter's upload over
 * MAX_IMAGE_MEGAPIXELS is refused from its header; one at the cap is processed within 400 MB.
 */
import sharp from 'sharp'

import { type RunningApp, startApp } from '../helpers/app'
import { errorLines, memoryOf, readerWaits, resetPeak, serverPid, tokenOf } from '../helpers/abuse'

let app: RunningApp
let token: string
beforeAll(async () => {
  app = await startApp()
  token = await tokenOf(app, app.accounts.reporter)
}, 600_000)
afterAll(async () => {
  await app?.stop()
})

async function upload(bytes: Buffer, name: string, type: string): Promise<{ status: number; body: any }> {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ alt: 'Ảnh thử' }))
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  const response = await fetch(`${app.url}/api/images`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
  return { status: response.status, body: await response.json() }
}

/** A smooth picture (upscaled noise): small as a file, `width × height` pixels once decoded. */
async function photo(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const seed = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#336699', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png()
    .toBuffer()
  const big = sharp(seed).resize(width, height, { kernel: 'cubic' })
  return format === 'jpeg' ? big.jpeg({ quality: 80 }).toBuffer() : big.png({ compressionLevel: 9 }).toBuffer()
}

async function imageCount(): Promise<number> {
  const response = await fetch(`${app.url}/api/images?limit=1`, { headers: { authorization: `JWT ${token}` } })
  return ((await response.json()) as { totalDocs: number }).totalDocs
}

describe('a reporter uploading pictures', () => {
  it('a small PNG of 10,000 × 10,000 pixels is refused with 413 and the reason, before it is decoded', async () => {
    const bytes = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#ffffff' } }).png().toBuffer()
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024)
    const pid = serverPid(app)
    const before = memoryOf(pid).rssMb
    resetPeak(pid)
    const images = await imageCount()
    const from = app.output().length
    const answer = await upload(bytes, 'khong-lo.png', 'image/png')
    expect(answer.status).toBe(413)
    expect(answer.body.errors[0].message).toBe(
      'Ảnh quá lớn: 10.000 × 10.000 điểm ảnh (100 MP); tối đa 40 MP. Hãy thu nhỏ ảnh rồi tải lên lại.',
    )
    const { peakMb } = memoryOf(pid)
    console.log(`10,000 × 10,000 PNG (${Math.round(bytes.length / 1024)} KB) refused: resident ${before} MB before, peak ${peakMb} MB`)
    expect(peakMb).toBeLessThan(before + 60)
    expect(await imageCount()).toBe(images)
    expect(errorLines(app, from)).toEqual([])
  })

  it('a 40 MP photo is accepted with all its sizes, and the server stays under 400 MB resident while processing it', async () => {
    const bytes = await photo(8000, 5000, 'jpeg')
    const pid = serverPid(app)
    await readerWaits(app)
    const before = memoryOf(pid).rssMb
    resetPeak(pid)
    const answer = await upload(bytes, 'anh-40mp.jpg', 'image/jpeg')
    expect(answer.status).toBe(201)
    expect(answer.body.doc).toMatchObject({ width: 8000, height: 5000 })
    expect(answer.body.doc.sizes.wide).toMatchObject({ width: 1280, height: 800 })
    const { peakMb, rssMb } = memoryOf(pid)
    console.log(`40 MP JPEG (${Math.round(bytes.length / 1024)} KB) processed: resident ${before} MB before, peak ${peakMb} MB, ${rssMb} MB after`)
    expect(peakMb).toBeLessThanOrEqual(400)
    await readerWaits(app)
  })

  it('a file that is not a picture is refused with 400 and its reason, nothing stored', async () => {
    const images = await imageCount()
    const answer = await upload(Buffer.from('\x89PNG\r\n\x1a\n not really a picture'), 'hong.png', 'image/png')
    expect(answer.status).toBe(400)
    expect(await imageCount()).toBe(images)
  })
})
