import type { Image } from '../../payload-types'

type SizeName = 'thumbnail' | 'card' | 'wide'

type Props = {
  image: Image
  /** a generated size, or 'original' for the upload as it is (banners keep their shape) */
  size: SizeName | 'original'
  sizes?: string
  priority?: boolean
}

/** An image from the media sizes: WebP first, the source format as fallback, width and height set. */
export function ResponsiveImage({ image, size, sizes = '100vw', priority = false }: Props) {
  const chosen = size === 'original' ? null : image.sizes?.[size]
  const webp = size === 'original' ? null : image.sizes?.[`${size}Webp` as `${SizeName}Webp`]
  const src = chosen?.url || image.url
  const width = chosen?.width || image.width
  const height = chosen?.height || image.height
  if (!src) return null
  return (
    <picture>
      {webp?.url ? <source type="image/webp" srcSet={`${webp.url} ${webp.width}w`} sizes={sizes} /> : null}
      <img
        src={src}
        alt={image.alt}
        width={width ?? undefined}
        height={height ?? undefined}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        fetchPriority={priority ? 'high' : undefined}
      />
    </picture>
  )
}
