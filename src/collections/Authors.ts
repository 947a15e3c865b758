import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { mustExist } from '../fields/mustExist'
import { slugField } from '../fields/slug'
import { revalidate, tags } from '../lib/cache'
import { nukevietKeyField } from '../fields/nukevietKey'

export const Authors: CollectionConfig = {
  slug: 'authors',
  labels: { singular: { vi: 'Tác giả', en: 'Author' }, plural: { vi: 'Tác giả', en: 'Authors' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: { vi: 'Tin bài', en: 'News' } },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    afterChange: [() => revalidate(tags.authors, tags.articleLists)],
    afterDelete: [() => revalidate(tags.authors, tags.articleLists)],
  },
  fields: [
    nukevietKeyField(),
    { name: 'name', type: 'text', required: true, label: { vi: 'Tên', en: 'Name' } },
    slugField('name'),
    { name: 'bio', type: 'textarea', localized: true, label: { vi: 'Giới thiệu', en: 'Biography' } },
    { name: 'photo', type: 'upload', relationTo: 'images', filterOptions: mustExist, label: { vi: 'Ảnh', en: 'Photo' } },
  ],
}
