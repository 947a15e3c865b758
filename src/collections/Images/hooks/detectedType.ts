/**
 * An upload is what its bytes are, not what its name or the browser says: a PNG sent as `x.html`
 * was stored as `x.html`, and any static server or CDN in front of media/ would have served it as
 * a page. The format is read from the file's header (sharp, no decoding); only the formats the
 * portal shows are taken, the file is renamed to that format's extension, and a file that carries
 * markup a browser would run (a polyglot: an image with a page inside or after it) is refused.
 */
import fs from 'node:fs/promises'

import type { CollectionBeforeOperationHook } from 'payload'

import { RequestRefused } from '../../../limits/refused'
import { imageSharp as sharp } from '../sharp'
import { IMAGE_MESSAGES } from './limitPixels'

/** sharp's format name → the extension and type the file is stored with. */
const ACCEPTED: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'gif', mime: 'image/gif' },
  // AVIF is HEIF with AV1 inside; HEIC (HEVC inside) is not shown by most browsers
  avif: { ext: 'avif', mime: 'image/avif' },
}

/**
 * Tags that make a browser run, load or send something, and PHP's opening tag. Photo metadata
 * (XMP) is XML too, but uses none of these. Compressed image data is close to random bytes, where
 * a short tag name turns up by chance (`<img ` about once in 600 photos of 12 MB): the short ones
 * count only with an attribute (`<img src=`, `<svg onload=`, `<meta http-equiv=`), which is what
 * makes them do anything, and puts a chance match out of reach (below one in a million files).
 */
const MARKUP = /<(?:(?:script|iframe|frame|object|embed|style|!doctype|\?php)[\s/>]|(?:html|body|svg|img|meta|base|form|link)\s+[a-z-]+\s*=)/i

export function carriesMarkup(data: Buffer): boolean {
  return MARKUP.test(data.toString('latin1'))
}

export const nameByDetectedType: CollectionBeforeOperationHook = async ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = args.req?.file
  // Payload fetches a request's `{ filename, url }` itself, after this hook, with none of these
  // checks (nor the pixel cap): an image is an upload from the editor's machine, never an address.
  const sent = args.req?.data as Record<string, unknown> | undefined
  if (!file && operation === 'create' && !args.overrideAccess && typeof sent?.url === 'string') {
    throw new RequestRefused(IMAGE_MESSAGES.fromAddress, 400)
  }
  if (!file) return args
  const data = file.tempFilePath ? await fs.readFile(file.tempFilePath) : file.data
  let format: string
  try {
    const metadata = await sharp(data, { limitInputPixels: false }).metadata()
    format = metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : String(metadata.format)
  } catch {
    throw new RequestRefused(IMAGE_MESSAGES.unreadable, 400)
  }
  const type = ACCEPTED[format]
  if (!type) throw new RequestRefused(IMAGE_MESSAGES.notAnImageType(format), 400)
  if (carriesMarkup(data)) throw new RequestRefused(IMAGE_MESSAGES.markup, 400)
  const base = file.name.includes('.') ? file.name.slice(0, file.name.lastIndexOf('.')) : file.name
  file.name = `${base || 'anh'}.${type.ext}`
  file.mimetype = type.mime
  return args
}
