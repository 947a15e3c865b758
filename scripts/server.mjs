#!/usr/bin/env node
/**
 * The production server: Next's request handler behind a plain node:http server (Next's
 * documented custom-server API). It is here to know who is asking: the socket's address is
 * written into x-portal-client-ip, replacing anything a client sent, for rate limits and
 * visitor hashing. SIGTERM/SIGINT stop accepting, let requests finish, then exit.
 */
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'

const CLIENT_IP_HEADER = 'x-portal-client-ip'
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'

const app = next({ dev: false, dir: root, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? ''
  handle(req, res)
})
server.keepAliveTimeout = 65_000
server.listen(port, hostname, () => {
  console.log(`✓ Máy chủ sẵn sàng (ready) trên cổng ${port}`)
})

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    console.log(`Nhận ${signal}: dừng nhận kết nối mới, chờ các yêu cầu đang xử lý...`)
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 10_000).unref()
  })
}
