#!/usr/bin/env node
/**
 * The production server: Next's request handler behind a plain node:http server (Next's
 * documented custom-server API). It is here to know who is asking: the socket's address is
 * written into x-portal-client-ip, replacing anything a client sent, for rate limits and
 * visitor hashing. And it answers the hottest route, POST /api/stats/hit, itself: the handler
 * is the recorder of the Payload instance Next started in this process (put on globalThis by
 * the config's onInit), so a hit does not pay Next's per-request cost. Until Payload has
 * started, hits go through Next to the same recorder as a Payload endpoint.
 * SIGTERM/SIGINT stop accepting, let requests finish, write pending hits, then exit.
 */
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'

const CLIENT_IP_HEADER = 'x-portal-client-ip'
const HIT_PATH = '/api/stats/hit'
const stats = () => globalThis[Symbol.for('cttd.stats')]
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'

const app = next({ dev: false, dir: root, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

const server = createServer((req, res) => {
  const ip = req.socket.remoteAddress ?? ''
  const fast = req.url === HIT_PATH ? stats() : undefined
  if (fast) {
    fast.handle(req, res, ip).catch((error) => {
      console.error('Lỗi ghi lượt truy cập:', error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      res.end('{"errors":[{"message":"Lỗi máy chủ."}]}')
    })
    return
  }
  req.headers[CLIENT_IP_HEADER] = ip
  handle(req, res)
})
server.keepAliveTimeout = 65_000
server.listen(port, hostname, async () => {
  // Start Payload now (its onInit hands the hit recorder to this server), not on the first reader.
  const local = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname
  await fetch(`http://${local.includes(':') ? `[${local}]` : local}:${port}/api/health`).catch(() => {})
  console.log(`✓ Máy chủ sẵn sàng (ready) trên cổng ${port}`)
})

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    console.log(`Nhận ${signal}: dừng nhận kết nối mới, chờ các yêu cầu đang xử lý...`)
    server.close(async () => {
      await stats()?.flush()
      process.exit(0)
    })
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 10_000).unref()
  })
}
