import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

import { parseVideo } from '../../lib/video'
import type { ImageWithCaptionBlock, VideoEmbedBlock } from '../../payload-types'
import { Figure } from './Figure'

/** A YouTube or Vimeo video from its privacy-enhanced player, loaded only when scrolled to. */
function Video({ url, caption }: VideoEmbedBlock) {
  const video = parseVideo(url)
  if (!video) return null
  const text = caption?.trim()
  return (
    <figure className="article-video">
      <div className="video-frame">
        <iframe
          src={video.embedUrl}
          title={text || `Video ${video.provider === 'youtube' ? 'YouTube' : 'Vimeo'}`}
          loading="lazy"
          allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
      {text ? <figcaption>{text}</figcaption> : null}
    </figure>
  )
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  blocks: {
    imageWithCaption: ({ node }: { node: { fields: ImageWithCaptionBlock } }) => (
      <Figure image={node.fields.image} caption={node.fields.caption} />
    ),
    videoEmbed: ({ node }: { node: { fields: VideoEmbedBlock } }) => <Video {...node.fields} />,
  },
})

export function ArticleBody({ data }: { data: unknown }) {
  if (!data) return null
  return <RichText className="article-body" converters={converters} data={data as SerializedEditorState} />
}
