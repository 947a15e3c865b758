import type { Block } from 'payload'

import { mustExist } from '../../../fields/mustExist'

/** An image inside the body with its caption under it, as the reference article shows them. */
export const ImageWithCaption: Block = {
  slug: 'imageWithCaption',
  interfaceName: 'ImageWithCaptionBlock',
  labels: { singular: { vi: 'Ảnh có chú thích', en: 'Image with caption' }, plural: { vi: 'Ảnh có chú thích', en: 'Images with caption' } },
  fields: [
    { name: 'image', type: 'upload', relationTo: 'images', required: true, filterOptions: mustExist, label: { vi: 'Ảnh', en: 'Image' } },
    {
      name: 'caption',
      type: 'textarea',
      label: { vi: 'Chú thích', en: 'Caption' },
      admin: { description: { vi: 'Để trống để dùng chú thích của ảnh.', en: "Leave empty to use the image's caption." } },
    },
  ],
}
