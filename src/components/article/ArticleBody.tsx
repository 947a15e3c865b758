import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

import type { ImageWithCaptionBlock } from '../../payload-types'
import { Figure } from './Figure'

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  blocks: {
    imageWithCaption: ({ node }: { node: { fields: ImageWithCaptionBlock } }) => (
      <Figure image={node.fields.image} caption={node.fields.caption} />
    ),
  },
})

export function ArticleBody({ data }: { data: unknown }) {
  if (!data) return null
  return <RichText className="article-body" converters={converters} data={data as SerializedEditorState} />
}
