import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { moveRedirectsAlong, prepareRedirect, redirectDeleted } from '../redirects/hooks'

/**
 * Old addresses that answer a permanent redirect (301) to their page here: the URLs of a
 * NukeViet portal moved over (`npm run import:nukeviet`), an article's address before an editor
 * changed its slug, and any an editor adds by hand. Answered from memory by the front server
 * (scripts/redirects.mjs); the rules of an old address are in src/redirects/paths.mjs.
 *
 * A collection of our own rather than Payload's @payloadcms/plugin-redirects (3.90): the plugin
 * adds only a collection (`to` a group of a document reference or a URL, readable by anyone) and
 * leaves matching to the site; what matters here is not in it (one form for NukeViet's many ways
 * of writing an address, refusing loops, no chains, slug changes, serving from the front server),
 * and the importer writes plain `{ from, to, source }` rows whose destinations (pages, lists,
 * media files) are not all documents.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: { vi: 'Chuyển hướng', en: 'Redirect' }, plural: { vi: 'Chuyển hướng', en: 'Redirects' } },
  defaultSort: 'from',
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'source', 'updatedAt'],
    listSearchableFields: ['from', 'to'],
    group: { vi: 'Hệ thống', en: 'System' },
    description: {
      vi: 'Địa chỉ cũ trả lời “chuyển hẳn” (301) sang trang mới. Địa chỉ cũ được ghi về một dạng: không tên miền, chữ thường, không “/” cuối; /news/… và index.php?nv=news&op=… như /vi/news/….',
      en: 'Old addresses answer a permanent redirect (301) to their new page.',
    },
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    beforeValidate: [prepareRedirect],
    afterChange: [moveRedirectsAlong],
    afterDelete: [redirectDeleted],
  },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 2000,
      label: { vi: 'Địa chỉ cũ', en: 'Old address' },
      admin: { description: { vi: 'Đường dẫn trên trang này, bắt đầu bằng “/”.', en: 'A path on this site, starting with “/”.' } },
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      maxLength: 2000,
      label: { vi: 'Chuyển đến', en: 'Redirect to' },
      admin: {
        description: {
          vi: 'Đường dẫn trên trang này (ví dụ /bai-viet/ten-bai) hoặc địa chỉ http(s):// đầy đủ.',
          en: 'A path here (e.g. /bai-viet/slug) or a full http(s):// address.',
        },
      },
    },
    {
      name: 'source',
      type: 'select',
      required: true,
      defaultValue: 'manual',
      options: [
        { value: 'manual', label: { vi: 'Nhập tay', en: 'By hand' } },
        { value: 'slug', label: { vi: 'Đổi đường dẫn bài', en: 'Slug changed' } },
        { value: 'nukeviet', label: { vi: 'Từ NukeViet', en: 'From NukeViet' } },
      ],
      label: { vi: 'Nguồn', en: 'Source' },
      admin: { position: 'sidebar' },
    },
  ],
}
