/**
 * An image is decoded whole to make its sizes: a 311 KB PNG of 10,000 × 10,000 pixels took the
 * server from 254 to 736 MB resident. Its header says how large it is, so an upload over
 * MAX_IMAGE_MEGAPIXELS (default 40) is refused before any pixel is decoded.
 */
import fs from 'node:fs/promises'

import type { CollectionBeforeOperationHook } from 'payload'
import { imageSharp as sharp } from '../sharp'

import { RequestRefused } from '../../../limits/refused'

export function maxImagePixels(): number {
  const megapixels = Number(process.env.MAX_IMAGE_MEGAPIXELS || 40)
  return Math.round((Number.isFinite(megapixels) && megapixels > 0 ? megapixels : 40) * 1_000_000)
}

const count = (n: number) => n.toLocaleString('vi-VN')

export const IMAGE_MESSAGES = {
  tooManyPixels: (width: number, height: number, max: number) =>
    `Ảnh quá lớn: ${count(width)} × ${count(height)} điểm ảnh (${(Math.round((width * height) / 100_000) / 10).toLocaleString('vi-VN')} MP); tối đa ${(max / 1_000_000).toLocaleString('vi-VN')} MP. Hãy thu nhỏ ảnh rồi tải lên lại.`,
  unreadable: 'Không đọc được tệp ảnh: tệp hỏng hoặc không phải ảnh.',
  notAnImageType: (format: string) => `Tệp là ${format.toUpperCase()}: chỉ nhận ảnh JPEG, PNG, WebP, GIF hoặc AVIF.`,
  markup: 'Tệp ảnh có chứa mã trang web (HTML hoặc script): không nhận. Hãy xuất lại ảnh từ phần mềm chỉnh ảnh rồi tải lên.',
  fromAddress: 'Ảnh phải được tải lên từ máy của bạn: cổng không tự tải ảnh từ một địa chỉ web.',
} as const

/** Reads the dimensions from the file's header (no decoding) and refuses an image over the cap. */
export const limitPixels: CollectionBeforeOperationHook = async ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = args.req?.file
  if (!file) return args
  const input = file.tempFilePath ? await fs.readFile(file.tempFilePath) : file.data
  let width = 0
  let height = 0
  let pages = 1
  try {
    const metadata = await sharp(input, { limitInputPixels: false }).metadata()
    width = metadata.width ?? 0
    height = metadata.height ?? 0
    pages = metadata.pages ?? 1
  } catch {
    throw new RequestRefused(IMAGE_MESSAGES.unreadable, 400)
  }
  const max = maxImagePixels()
  if (width * height * pages > max) throw new RequestRefused(IMAGE_MESSAGES.tooManyPixels(width, height * pages, max), 413)
  return args
}
