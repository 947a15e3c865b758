import type { Image } from '../../payload-types'
import { ResponsiveImage } from './ResponsiveImage'

type Props = { image: Image | number | null | undefined; caption?: string | null; priority?: boolean; small?: boolean }

/**
 * An article image with its caption under it; the caption falls back to the image's own. `small`:
 * beside the lead (NukeViet's `imgposition` 1), a card-sized picture, full width on a phone.
 */
export function Figure({ image, caption, priority, small }: Props) {
  if (!image || typeof image !== 'object') return null
  const text = caption?.trim() || image.caption?.trim()
  return (
    <figure className={small ? 'article-figure article-figure--small' : 'article-figure'}>
      <ResponsiveImage
        image={image}
        size={small ? 'card' : 'wide'}
        sizes={small ? '(max-width: 600px) 100vw, 300px' : '(max-width: 800px) 100vw, 760px'}
        priority={priority}
      />
      {text ? <figcaption>{text}</figcaption> : null}
    </figure>
  )
}
