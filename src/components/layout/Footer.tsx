import type { Locale } from '../../lib/locale'
import type { Site } from '../../payload-types'

const UI = {
  vi: { agency: 'Cơ quan chủ quản', responsible: 'Chịu trách nhiệm chính', address: 'Địa chỉ', phone: 'Điện thoại', email: 'Email' },
  en: { agency: 'Owning agency', responsible: 'Person responsible', address: 'Address', phone: 'Phone', email: 'Email' },
} as const

/** The agency, the person responsible and how to reach them: required of state portals. */
export function Footer({ site, locale }: { site: Site; locale: Locale }) {
  const ui = UI[locale]
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="site-footer__name">{site.portalName}</p>
        <dl>
          {/* each line only once an admin has filled it in (Site): an empty new portal serves too */}
          {site.agencyName ? (
            <div>
              <dt>{ui.agency}:</dt> <dd>{site.agencyName}</dd>
            </div>
          ) : null}
          {site.responsiblePerson ? (
            <div>
              <dt>{ui.responsible}:</dt> <dd>{site.responsiblePerson}</dd>
            </div>
          ) : null}
          {site.address ? (
            <div>
              <dt>{ui.address}:</dt> <dd>{site.address}</dd>
            </div>
          ) : null}
          {site.phone ? (
            <div>
              <dt>{ui.phone}:</dt>{' '}
              <dd>
                <a href={`tel:${site.phone.replace(/[^+0-9]/g, '')}`}>{site.phone}</a>
              </dd>
            </div>
          ) : null}
          {site.email ? (
            <div>
              <dt>{ui.email}:</dt>{' '}
              <dd>
                <a href={`mailto:${site.email}`}>{site.email}</a>
              </dd>
            </div>
          ) : null}
        </dl>
        {site.licence ? <p className="site-footer__licence">{site.licence}</p> : null}
      </div>
    </footer>
  )
}
