import type { FilterOptions } from 'payload'

/**
 * Given any filterOptions, Payload's relationship and upload validation looks the referenced ids
 * up, so an unknown id is a 400 naming the field instead of a database constraint error (SQL)
 * or a dangling reference (MongoDB). This one filters nothing: it only asks for that check.
 */
export const mustExist: FilterOptions = () => true
