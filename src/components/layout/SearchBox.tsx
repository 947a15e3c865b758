import type { Locale } from '../../lib/locale'
import { localePath } from '../../lib/locale'

const UI = {
  vi: { label: 'Tìm kiếm trên cổng', placeholder: 'Tìm kiếm...', button: 'Tìm' },
  en: { label: 'Search the portal', placeholder: 'Search...', button: 'Search' },
} as const

/** A plain GET form: works without JavaScript. */
export function SearchBox({ locale, defaultValue }: { locale: Locale; defaultValue?: string }) {
  const ui = UI[locale]
  return (
    <form className="search-box" role="search" action={localePath(locale, '/tim-kiem')} method="get">
      <label className="visually-hidden" htmlFor={`q-${defaultValue === undefined ? 'header' : 'page'}`}>
        {ui.label}
      </label>
      <input
        id={`q-${defaultValue === undefined ? 'header' : 'page'}`}
        type="search"
        name="q"
        placeholder={ui.placeholder}
        defaultValue={defaultValue}
        minLength={2}
        maxLength={100}
      />
      <button type="submit">{ui.button}</button>
    </form>
  )
}
