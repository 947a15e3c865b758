import type { Block } from 'payload'

import { parseVideo, VIDEO_MESSAGE } from '../../../lib/video'

/** A YouTube or Vimeo video inside the body (src/lib/video.ts), with an optional caption. */
export const VideoEmbed: Block = {
  slug: 'videoEmbed',
  interfaceName: 'VideoEmbedBlock',
  labels: { singular: { vi: 'Video nhúng', en: 'Embedded video' }, plural: { vi: 'Video nhúng', en: 'Embedded videos' } },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      label: { vi: 'Địa chỉ video', en: 'Video address' },
      admin: { description: { vi: 'Địa chỉ video YouTube hoặc Vimeo.', en: 'A YouTube or Vimeo address.' } },
      validate: (value: string | null | undefined) => (parseVideo(value) ? true : VIDEO_MESSAGE),
    },
    {
      name: 'caption',
      type: 'textarea',
      label: { vi: 'Chú thích', en: 'Caption' },
      admin: { description: { vi: 'Người đọc màn hình đọc chú thích này làm tên khung video.', en: 'Screen readers announce the video by this caption.' } },
    },
  ],
}
