'use client'

/**
 * A few English labels are written into Payload's and its libraries' markup with no way to
 * translate them: Lexical's block handles ("Drag to move", "Add block"), its link editor ("Edit
 * link") and react-datepicker's defaults in the scheduling drawer ("Time", "Next Month"), which
 * takes no field overrides, and the "document locked" dialog's date ("Dec 1, 2026, 4:46 AM").
 * Everything Payload lets us translate goes through `i18n.translations`
 * (src/admin/translations.ts) and the date fields' `overrides`; only these are rewritten, in the
 * page, as they appear.
 */
import { type ReactNode, useEffect } from 'react'

// Lexical's handles, link editor and toolbar, the toaster's region, react-datepicker's arrows.
const LABELS: Record<string, string> = {
  'Drag to move': 'Kéo để di chuyển',
  'Add block': 'Thêm khối',
  'Edit link': 'Sửa liên kết',
  'Remove link': 'Gỡ liên kết',
  'Insert Paragraph': 'Chèn đoạn văn',
  'Slash menu': 'Trình đơn chèn',
  'Remove Block': 'Xóa khối',
  'text dropdown': 'Kiểu chữ',
  'align dropdown': 'Căn lề',
  'Notifications alt+T': 'Thông báo alt+T',
  'Add Row': 'Thêm hàng',
  'Add Column': 'Thêm cột',
  'Previous Month': 'Tháng trước',
  'Next Month': 'Tháng sau',
  'Previous Year': 'Năm trước',
  'Next Year': 'Năm sau',
  Time: 'Giờ',
  'Choose Date and Time': 'Chọn ngày và giờ',
  'Choose Date': 'Chọn ngày',
  'Choose Time': 'Chọn giờ',
}

/**
 * Labels built around a name: react-datepicker's days ("Choose thứ Hai, …", "Not available …"),
 * a relationship's chosen document ("Edit Minh Châu").
 */
const PREFIXES: [string, string][] = [
  ['Choose ', 'Chọn '],
  ['Not available ', 'Không chọn được '],
  ['Edit ', 'Sửa '],
]

const ATTRIBUTES = ['aria-label', 'title', 'placeholder']
// Where a label is text, not an attribute: the picker's time column header and its arrows.
const TEXT_PLACES = '.react-datepicker-time__header, .react-datepicker__navigation span'

function translate(value: string): string | undefined {
  if (value in LABELS) return LABELS[value]
  for (const [english, vietnamese] of PREFIXES) if (value.startsWith(english)) return vietnamese + value.slice(english.length)
  return undefined
}

/**
 * Payload writes a relationship's "add new" button label from the collection's label object
 * ("Thêm mới: [object Object]"); the button's own tooltip has it right.
 */
function fixObjectLabel(element: Element) {
  const label = element.getAttribute('aria-label')
  const tooltip = element.querySelector('.tooltip-content')?.textContent
  if (label?.includes('[object Object]') && tooltip) element.setAttribute('aria-label', tooltip)
}

/** "Dec 1, 2026, 4:46 AM" → "01/12/2026 04:46", the admin's format, in the browser's time as Payload's. */
function adminDate(english: string): string | undefined {
  // en-US puts a narrow no-break space before "AM", which Date does not parse
  const date = new Date(english.replace(/\s+/g, ' '))
  if (Number.isNaN(date.getTime())) return undefined
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`
}

// The "document locked" dialog writes its date with Intl in en-US, 12-hour.
const ENGLISH_DATES = '.document-locked__content strong'
const ENGLISH_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/

function fix(root: ParentNode) {
  const selector = ATTRIBUTES.map((name) => `[${name}]`).join(',')
  const elements = root instanceof Element && root.matches(selector) ? [root, ...root.querySelectorAll(selector)] : root.querySelectorAll(selector)
  for (const element of elements) {
    fixObjectLabel(element)
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name)
      const vietnamese = value ? translate(value) : undefined
      if (vietnamese) element.setAttribute(name, vietnamese)
    }
  }
  for (const element of root.querySelectorAll(ENGLISH_DATES)) {
    const text = element.textContent?.trim() ?? ''
    const vietnamese = ENGLISH_DATE.test(text) ? adminDate(text) : undefined
    if (vietnamese) element.textContent = vietnamese
  }
  for (const element of root.querySelectorAll(TEXT_PLACES)) {
    const vietnamese = element.textContent ? LABELS[element.textContent] : undefined
    if (vietnamese) element.textContent = vietnamese
  }
}

export function FixedEnglishLabels({ children }: { children?: ReactNode }) {
  useEffect(() => {
    fix(document.body)
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes') fix(mutation.target as Element)
        else for (const node of mutation.addedNodes) if (node instanceof Element) fix(node)
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ATTRIBUTES })
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
