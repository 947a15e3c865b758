import { notFound } from 'next/navigation'

/** Any other path under the portal is the portal's own 404 page, in its layout and language. */
export default function UnknownPage() {
  notFound()
}
