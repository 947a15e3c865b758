import type { CollectionBeforeChangeHook } from 'payload'

import { foldVietnamese } from '../../../search/fold'
import { lexicalText } from '../../../search/text'

/** Keeps the folded copies that search reads (per locale): the title alone, and title + lead + body. */
export const indexForSearch: CollectionBeforeChangeHook = ({ data }) => {
  const title = typeof data.title === 'string' ? data.title : ''
  const lead = typeof data.lead === 'string' ? data.lead : ''
  data.searchTitle = foldVietnamese(title)
  data.searchText = foldVietnamese([title, lead, lexicalText(data.body)].join(' \n '))
  return data
}
