import type { MetadataRoute } from 'next'

import { absoluteUrl } from '../lib/siteUrl'

export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/tim-kiem', '/en/tim-kiem'] },
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
