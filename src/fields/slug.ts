import type { CollectionSlug, FieldHook, TextField } from 'payload'

import { isValidSlug, slugify } from '../lib/slug'

/**
 * A URL slug made from a source field: folded from it when left empty (with "-2", "-3" added
 * when another document already has it), normalised when an editor types one, kept on later edits.
 */
export function slugField(source: string, components: { Field?: string } = {}): TextField {
  const fillSlug: FieldHook = async ({ value, data, originalDoc, collection, req }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    // An existing slug stays when an edit does not touch it: renaming must not break links.
    if (value === undefined && typeof originalDoc?.slug === 'string' && originalDoc.slug) {
      return originalDoc.slug
    }
    const sourceValue = data?.[source] ?? originalDoc?.[source]
    if (typeof sourceValue !== 'string' || sourceValue.trim() === '') return value
    const base = slugify(sourceValue)
    if (!collection || !base) return base
    const ownId = originalDoc?.id ?? data?.id
    for (let n = 1; n < 1000; n += 1) {
      const candidate = n === 1 ? base : `${base}-${n}`
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: {
          slug: { equals: candidate },
          ...(ownId !== undefined ? { id: { not_equals: ownId } } : {}),
        },
        overrideAccess: true,
        req,
      })
      if (totalDocs === 0) return candidate
    }
    return `${base}-${Date.now()}`
  }

  return {
    name: 'slug',
    type: 'text',
    label: { vi: 'Đường dẫn (slug)', en: 'Slug' },
    required: true,
    unique: true,
    index: true,
    validate: (value: unknown) =>
      typeof value === 'string' && isValidSlug(value)
        ? true
        : 'Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 120 ký tự).',
    hooks: { beforeValidate: [fillSlug] },
    admin: {
      position: 'sidebar',
      // Articles add "Tạo lại từ tiêu đề" here (src/collections/Articles/components/SlugField).
      ...(components.Field ? { components: { Field: components.Field } } : {}),
      description: {
        vi: 'Để trống để tạo tự động từ tiêu đề (bỏ dấu tiếng Việt).',
        en: 'Leave empty to generate it from the title.',
      },
    },
  }
}
