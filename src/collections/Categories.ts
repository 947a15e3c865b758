import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { slugField } from '../fields/slug'
import { revalidate, tags } from '../lib/cache'
import { nukevietKeyField } from '../fields/nukevietKey'
import { redirectOldCategorySlug } from '../redirects/hooks'

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: {
    singular: { vi: 'Chuyên mục', en: 'Category' },
    plural: { vi: 'Chuyên mục', en: 'Categories' },
  },
  defaultSort: 'order',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'parent', 'order'],
    group: { vi: 'Tin bài', en: 'News' },
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    afterChange: [() => revalidate(tags.categories, tags.articleLists), redirectOldCategorySlug],
    afterDelete: [() => revalidate(tags.categories, tags.articleLists)],
  },
  fields: [
    nukevietKeyField(),
    { name: 'name', type: 'text', required: true, localized: true, label: { vi: 'Tên', en: 'Name' } },
    slugField('name'),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'categories',
      label: { vi: 'Chuyên mục cha', en: 'Parent' },
      admin: { position: 'sidebar' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      min: 0,
      label: { vi: 'Thứ tự', en: 'Order' },
      admin: { position: 'sidebar', description: { vi: 'Số nhỏ đứng trước.', en: 'Lower comes first.' } },
    },
  ],
}
