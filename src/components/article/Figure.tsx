import type { Image } from '../../payload-types'
import { ResponsiveImage } from './ResponsiveImage'

type Props = { image: Image | number | null | undefined; caption?: string | null; priority?: boolean }

/** An article image with its caption under it; the caption falls back to the image's own. */
export function Figure({ image, caption, priority }: Props) {
  if (!image || typeof image !== 'object') return null
  const text = caption?.trim() || image.caption?.trim()
  return (
    <figure className="article-figure">
      <ResponsiveImage image={image} size="wide" sizes="(max-width: 800px) 100vw, 760px" priority={priority} />
      {text ? <figcaption>{text}</figcaption> : null}
    </figure>
  )
}
