'use client'

/**
 * Tags, typed freely, with the newsroom's most used tags offered below the field: one click adds
 * one, so that "chuyển đổi số" is not also filed as "Chuyển đổi số" or "chuyen doi so".
 */
import type { TextFieldClientComponent } from 'payload'

import { TextField, useConfig, useField } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import './articleAdmin.css'

const SUGGESTIONS = 12
// Enough recent articles to find the tags in use, one small request per edit page.
const RECENT_ARTICLES = 200

export const TagsField: TextFieldClientComponent = (props) => {
  const { config } = useConfig()
  const { setValue, value } = useField<string[] | null>({ path: props.path })
  const [known, setKnown] = useState<string[]>([])
  const readOnly = props.readOnly || props.field.admin?.readOnly

  useEffect(() => {
    if (readOnly) return
    const controller = new AbortController()
    const query = new URLSearchParams({
      depth: '0',
      limit: String(RECENT_ARTICLES),
      sort: '-updatedAt',
      'select[tags]': 'true',
      'where[tags][exists]': 'true',
    })
    fetch(`${config.serverURL ?? ''}${config.routes.api}/articles?${query}`, { credentials: 'include', signal: controller.signal })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then(({ docs }: { docs: { tags?: string[] | null }[] }) => {
        const counts = new Map<string, number>()
        for (const doc of docs) for (const tag of doc.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1)
        setKnown([...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi')).map(([tag]) => tag))
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [config.serverURL, config.routes.api, readOnly])

  const chosen = Array.isArray(value) ? value : []
  const offered = known.filter((tag) => !chosen.includes(tag)).slice(0, SUGGESTIONS)
  return (
    <div className="article-tags">
      <TextField {...props} />
      {!readOnly && offered.length > 0 && (
        <div className="article-tags__suggestions" aria-label="Thẻ đã dùng">
          <span>Thẻ đã dùng:</span>
          {offered.map((tag) => (
            <button key={tag} type="button" className="article-tags__suggestion" onClick={() => setValue([...chosen, tag])}>
              {tag}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
