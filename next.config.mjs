import { createRequire } from 'node:module'

import { withPayload } from '@payloadcms/next/withPayload'

const require = createRequire(import.meta.url)

/**
 * Public URLs have no locale prefix in Vietnamese (/bai-viet/x) and /en in English; inside, every
 * portal page lives under app/(frontend)/[locale]. Paginated lists (?trang=N) are rewritten to a
 * path segment so that each page of a list is cached like any other page.
 */
const LISTS = ['chuyen-muc', 'tac-gia', 'the']
const pageQuery = [{ type: 'query', key: 'trang', value: '(?<page>[1-9][0-9]{0,4})' }]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image builds Next's standalone server; `npm start` uses our own server.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // pages and cached reads live in this process's memory (see cache-handler.cjs)
  cacheHandler: require.resolve('./cache-handler.cjs'),
  cacheMaxMemorySize: 0,
  images: { unoptimized: true },
  async rewrites() {
    return {
      afterFiles: [
        ...LISTS.flatMap((list) => [
          { source: `/en/${list}/:key`, has: pageQuery, destination: `/en/${list}/:key/trang/:page` },
          { source: `/${list}/:key`, has: pageQuery, destination: `/vi/${list}/:key/trang/:page` },
        ]),
        { source: '/', destination: '/vi' },
        { source: '/:path((?!en(?:/|$)|vi(?:/|$)|admin(?:/|$)|api(?:/|$)|_next/).*)', destination: '/vi/:path' },
      ],
    }
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
