import type { CollectionBeforeValidateHook } from 'payload'

type Relation = number | string | { id: number | string }

const idOf = (value: Relation): number | string => (typeof value === 'object' ? value.id : value)

/** The primary category is always one of the article's categories, listed first. */
export const includePrimaryCategory: CollectionBeforeValidateHook = ({ data }) => {
  if (!data?.primaryCategory) return data
  const primary = idOf(data.primaryCategory as Relation)
  const others = ((data.categories ?? []) as Relation[]).map(idOf).filter((id) => String(id) !== String(primary))
  return { ...data, categories: [primary, ...others] }
}
