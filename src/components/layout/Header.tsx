import Link from 'next/link'

import { type Locale, localePath } from '../../lib/locale'
import type { Category, Site } from '../../payload-types'
import { ResponsiveImage } from '../article/ResponsiveImage'
import { SearchBox } from './SearchBox'

type Props = { site: Site; categories: Category[]; locale: Locale }

const UI = {
  vi: { home: 'Trang chủ', nav: 'Chuyên mục', switchTo: 'English', switchHref: '/en', switchLang: 'en' },
  en: { home: 'Home', nav: 'Categories', switchTo: 'Tiếng Việt', switchHref: '/', switchLang: 'vi' },
} as const

export function Header({ site, categories, locale }: Props) {
  const ui = UI[locale]
  const emblem = typeof site.emblem === 'object' && site.emblem ? site.emblem : null
  const topLevel = categories.filter((category) => !category.parent)
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={localePath(locale, '/')} className="site-header__brand">
          {emblem ? (
            <span className="site-header__emblem">
              <ResponsiveImage image={emblem} size="thumbnail" sizes="64px" priority />
            </span>
          ) : (
            <span className="site-header__emblem site-header__emblem--star" aria-hidden="true">
              ★
            </span>
          )}
          <span>
            <span className="site-header__agency">{site.agencyName}</span>
            <span className="site-header__name">{site.portalName}</span>
          </span>
        </Link>
        <div className="site-header__tools">
          <SearchBox locale={locale} />
          <a className="site-header__lang" href={ui.switchHref} hrefLang={ui.switchLang} lang={ui.switchLang}>
            {ui.switchTo}
          </a>
        </div>
      </div>
      <nav className="site-nav" aria-label={ui.nav}>
        <ul>
          <li>
            <Link href={localePath(locale, '/')}>{ui.home}</Link>
          </li>
          {topLevel.map((category) => (
            <li key={category.id}>
              <Link href={localePath(locale, `/chuyen-muc/${category.slug}`)}>{category.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}
