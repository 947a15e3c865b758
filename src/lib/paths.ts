import path from 'node:path'

/** Where uploaded images and their generated sizes live (MEDIA_DIR, else ./media). */
export function mediaDir(): string {
  return path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), 'media'))
}

/** The largest upload accepted, in bytes (MAX_UPLOAD_MB, default 10). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.MAX_UPLOAD_MB || 10)
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 10) * 1024 * 1024)
}
