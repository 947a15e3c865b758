'use client'

/**
 * An array row titled by what it holds (a service link by its name, a group by its title),
 * instead of Payload's "Link 01"; a row still empty reads "Liên kết 1", "Nhóm 1".
 */
import { useRowLabel } from '@payloadcms/ui'

function titled(fallback: string) {
  return function RowTitle() {
    const { data, rowNumber } = useRowLabel<{ title?: string | null }>()
    const title = typeof data?.title === 'string' ? data.title.trim() : ''
    return <span>{title || `${fallback} ${(rowNumber ?? 0) + 1}`}</span>
  }
}

export const LinkRowLabel = titled('Liên kết')
export const GroupRowLabel = titled('Nhóm')
