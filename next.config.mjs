import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

import { portalScript } from './scripts/portal-script.mjs'

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
  // No `output: 'standalone'`: Next's documentation says its standalone server cannot be combined
  // with a custom one, and ours (scripts/server.mjs) is where the reader's address, lean pages,
  // page bytes and the hit fast path live. Every way to run the portal goes through it.
  poweredByHeader: false,
  // pages and cached reads live in this process's memory (see cache-handler.cjs)
  cacheHandler: require.resolve('./cache-handler.cjs'),
  cacheMaxMemorySize: 0,
  images: { unoptimized: true },
  // the URL of public/portal.js with its content hash, for the layout (see scripts/portal-script.mjs)
  env: { PORTAL_SCRIPT_PATH: portalScript(path.dirname(fileURLToPath(import.meta.url))).path },
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

const config = withPayload(nextConfig, { devBundleServerPackages: false })

/**
 * withPayload asks every path for the reader's colour scheme with `Critical-CH`, which makes
 * Chromium fetch a reader's first page twice (the first answer is dropped and the request sent
 * again with the hint: 600 ms on a phone, per Lighthouse). Only the admin reads the hint (its
 * theme), so only the admin asks for it.
 */
const payloadHeaders = config.headers
config.headers = async () =>
  (await payloadHeaders()).map((rule) =>
    rule.source === '/:path*' && rule.headers.some((header) => header.key === 'Critical-CH') ? { ...rule, source: '/admin/:path*' } : rule,
  )

export default config
