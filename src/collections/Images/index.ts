import type { CollectionConfig, ImageSize } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff, isStaffField } from '../../access/isStaff'
import { mediaDir } from '../../lib/paths'
import { deleteImage, refuseChangingUsedImage, refuseDeletingUsedImage, stampUploader, systemOnly, updateImage } from './access'
import { nameByDetectedType } from './hooks/detectedType'
import { limitPixels } from './hooks/limitPixels'
import { nukevietKeyField } from '../../fields/nukevietKey'

/**
 * The sizes pages use: list thumbnails, cards, the article's wide image (and `medium`, the same
 * shape for phones), sidebar banners in their own shape (`sidebar`; none for a banner narrower
 * than it), and social previews.
 */
const SIZES: ImageSize[] = [
  { name: 'thumbnail', width: 320, height: 200 },
  { name: 'card', width: 640, height: 400 },
  { name: 'medium', width: 800 },
  { name: 'wide', width: 1280 },
  { name: 'sidebar', width: 560 },
  // Social networks want 1200×630 and do not all read WebP: this one keeps the source format.
  { name: 'og', width: 1200, height: 630 },
]

const WEBP_VARIANTS: ImageSize[] = SIZES.filter((size) => size.name !== 'og').map((size) => ({
  ...size,
  name: `${size.name}Webp`,
  formatOptions: { format: 'webp', options: { quality: 80 } },
}))

export const Images: CollectionConfig = {
  slug: 'images',
  labels: { singular: { vi: 'Hình ảnh', en: 'Image' }, plural: { vi: 'Hình ảnh', en: 'Images' } },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit'], group: { vi: 'Tin bài', en: 'News' } },
  // Editors change any image; reporters their own uploads that readers see nowhere (./access.ts).
  access: { read: anyone, create: isStaff, update: updateImage, delete: deleteImage },
  hooks: {
    beforeOperation: [refuseChangingUsedImage, nameByDetectedType, limitPixels],
    beforeChange: [stampUploader],
    beforeDelete: [refuseDeletingUsedImage],
  },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [...SIZES, ...WEBP_VARIANTS],
  },
  fields: [
    nukevietKeyField(),
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: { vi: 'Mô tả ảnh (alt)', en: 'Alt text' },
      admin: { description: { vi: 'Mô tả nội dung ảnh cho người khiếm thị.', en: 'Describes the image for screen readers.' } },
    },
    { name: 'caption', type: 'textarea', localized: true, label: { vi: 'Chú thích', en: 'Caption' } },
    { name: 'credit', type: 'text', label: { vi: 'Nguồn ảnh', en: 'Credit' } },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người tải lên', en: 'Uploaded by' },
      access: { read: isStaffField, create: systemOnly, update: systemOnly },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
