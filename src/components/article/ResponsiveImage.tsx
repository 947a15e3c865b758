import type { Image } from '../../payload-types'

/** What an image is shown as, and the generated sizes (smallest first) a browser may choose from. */
const LADDERS = {
  thumbnail: ['thumbnail'],
  card: ['card'],
  wide: ['medium', 'wide'],
  // a banner keeps its shape; the upload itself when it is narrower than the sidebar size
  banner: ['sidebar'],
} as const

type Shown = keyof typeof LADDERS
type SizeName = (typeof LADDERS)[Shown][number]
type Generated = { url?: string | null; width?: number | null; height?: number | null }

type Props = {
  image: Image
  size: Shown
  sizes?: string
  priority?: boolean
}

const srcSet = (candidates: Generated[]) => candidates.map((c) => `${c.url} ${c.width}w`).join(', ')

/**
 * An image from the media sizes: WebP first, the source format as fallback, each with the sizes a
 * browser picks from for its screen, width and height set (from the largest: the shape).
 */
export function ResponsiveImage({ image, size, sizes = '100vw', priority = false }: Props) {
  const all = (image.sizes ?? {}) as Partial<Record<SizeName | `${SizeName}Webp`, Generated>>
  const present = (names: readonly string[]) => names.map((name) => all[name as SizeName]).filter((c): c is Generated => Boolean(c?.url && c.width))
  const ladder = LADDERS[size]
  const plain = present(ladder)
  let webp = present(ladder.map((name) => `${name}Webp`))
  // An upload narrower than the top size has none (sizes are never enlarged): the upload itself is
  // the largest choice, and WebP, which stops short of it, is not offered.
  if (!all[ladder.at(-1) as SizeName]?.url && image.url && (image.width ?? 0) > (plain.at(-1)?.width ?? 0)) {
    if (plain.length) plain.push({ url: image.url, width: image.width, height: image.height })
    webp = []
  }
  const largest = plain.at(-1) ?? { url: image.url, width: image.width, height: image.height }
  if (!largest.url) return null
  return (
    <picture>
      {webp.length ? <source type="image/webp" srcSet={srcSet(webp)} sizes={sizes} /> : null}
      <img
        src={largest.url}
        srcSet={plain.length > 1 ? srcSet(plain) : undefined}
        sizes={plain.length > 1 ? sizes : undefined}
        alt={image.alt}
        width={largest.width ?? undefined}
        height={largest.height ?? undefined}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        fetchPriority={priority ? 'high' : undefined}
      />
    </picture>
  )
}
