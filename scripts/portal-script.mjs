/**
 * public/portal.js, the readers' one script, as the layout links it and the server sends it: its
 * URL carries a hash of its content (`/portal.js?v=…`) so that browsers and nginx may keep it a
 * year. next.config.mjs gives the URL to the layout at build; server.mjs serves the bytes.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

export function portalScript(root) {
  const body = fs.readFileSync(path.join(root, 'public', 'portal.js'))
  const version = createHash('sha256').update(body).digest('hex').slice(0, 12)
  return { path: `/portal.js?v=${version}`, version, body, gzip: zlib.gzipSync(body, { level: 9 }) }
}
