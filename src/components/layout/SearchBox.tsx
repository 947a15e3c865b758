import type { Locale } from '../../lib/locale'
import { localePath } from '../../lib/locale'

const UI = {
  vi: { label: 'Tìm kiếm trên cổng', placeholder: 'Tìm kiếm...', button: 'Tìm' },
  en: { label: 'Search the portal', placeholder: 'Search...', button: 'Search' },
} as const

/** A plain GET form: works without JavaScript. */
export function SearchBox({ locale, defaultValue, id = 'q' }: { locale: Locale; defaultValue?: string; id?: string }) {
  const ui = UI[locale]
  return (
    <form className="search-box" role="search" action={localePath(locale, '/tim-kiem')} method="get">
      <label className="visually-hidden" htmlFor={id}>
        {ui.label}
      </label>
      <input
        id={id}
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
