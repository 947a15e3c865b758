import { notFound } from 'next/navigation'

// Rendered once per path, then cached like every other page (an unknown URL costs no render).
export function generateStaticParams() {
  return []
}

/** Any other path under the portal is the portal's own 404 page, in its layout and language. */
export default function UnknownPage() {
  notFound()
}
