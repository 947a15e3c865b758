import type { ReactNode } from 'react'

import type { ServiceLink } from '../../payload-types'
import { ResponsiveImage } from '../article/ResponsiveImage'

type Group = NonNullable<ServiceLink['groups']>[number]

function LinkGroup({ group, index }: { group: Group; index: number }) {
  const headingId = `nhom-lien-ket-${index}`
  return (
    <section className="link-group" aria-labelledby={group.title ? headingId : undefined} aria-label={group.title ? undefined : 'Liên kết dịch vụ'}>
      {group.title ? (
        <h2 id={headingId} className="link-group__title">
          {group.title}
        </h2>
      ) : null}
      <ul>
        {(group.links ?? []).map((link) => {
          const banner = typeof link.banner === 'object' && link.banner ? link.banner : null
          return (
            <li key={link.id ?? link.url}>
              <a
                href={link.url}
                className={banner ? 'link-group__banner' : 'link-group__link'}
                {...(link.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
              >
                {banner ? <ResponsiveImage image={{ ...banner, alt: '' }} size="banner" sizes="280px" /> : null}
                <span>{link.title}</span>
                {link.newTab ? <span className="visually-hidden"> (mở trong thẻ mới)</span> : null}
              </a>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/**
 * The sidebar: the first link group (services), then `children` (the visitor counter's place),
 * then the other groups (the province's apps).
 */
export function Sidebar({ links, children }: { links: ServiceLink; children?: ReactNode }) {
  const [first, ...rest] = links.groups ?? []
  return (
    <aside className="sidebar" aria-label="Liên kết và tiện ích">
      {first ? <LinkGroup group={first} index={0} /> : null}
      {children}
      {rest.map((group, i) => (
        <LinkGroup key={group.id ?? i} group={group} index={i + 1} />
      ))}
    </aside>
  )
}
