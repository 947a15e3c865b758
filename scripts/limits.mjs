/**
 * What one request may make the server do, decided at the front door before any of its body is
 * read: a body is refused with 413 when its Content-Length says it is over the cap, or as soon as
 * a chunked body passes it; an address that does not decode is a 400; uploads wait for a slot
 * (images are decoded one at a time) in a short queue, past which they are told to come back; a
 * media file that is not on disk is a quiet 404 (Payload logs an error with its path for each).
 * Timeouts against slow clients are the server's (serverTimeouts).
 *
 * A refusal closes the connection after its answer when a body is coming, so that the rest of it is
 * never read; it is JSON (`{ errors: [{ message }] }`, as Payload answers) under /api, a short HTML page
 * elsewhere, in Vietnamese.
 */
import fs from 'node:fs'
import path from 'node:path'

const positive = (value, fallback) => {
  const number = Number(value)
  return Number.isFinite(number) && number > 0 ? number : fallback
}

/** The limits from the environment, with their defaults (README, Limits). */
export function limitsFrom(env = process.env) {
  return {
    bodyBytes: Math.round(positive(env.MAX_BODY_KB, 1024) * 1024),
    uploadBytes: Math.round(positive(env.MAX_UPLOAD_MB, 10) * 1024 * 1024),
    uploadsAtOnce: Math.floor(positive(env.MAX_CONCURRENT_UPLOADS, 1)),
    uploadQueue: Math.floor(positive(env.UPLOAD_QUEUE, 8)),
    headersTimeoutMs: positive(env.HEADERS_TIMEOUT_SECONDS, 20) * 1000,
    requestTimeoutMs: positive(env.REQUEST_TIMEOUT_SECONDS, 120) * 1000,
    mediaDir: path.resolve(env.MEDIA_DIR || 'media'),
  }
}

/** Options for node:http's createServer: slow clients (slowloris) are cut off. */
export function serverTimeouts(limits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // how often Node checks those two timeouts (30 s by default, which would double them)
    connectionsCheckingInterval: Math.min(2000, limits.headersTimeoutMs),
  }
}

export const MESSAGES = {
  tooLarge: (bytes) => `Nội dung gửi lên quá lớn: tối đa ${sizeLabel(bytes)}.`,
  badAddress: 'Địa chỉ không hợp lệ.',
  busy: 'Máy chủ đang xử lý nhiều ảnh tải lên cùng lúc; vui lòng thử lại sau ít giây.',
  uploadLogin: 'Vui lòng đăng nhập trang quản trị để tải ảnh lên.',
  notFound: 'Không tìm thấy tệp.',
}

const sizeLabel = (bytes) =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} KB`

/** Answers; the connection is closed when a body is on its way, so that it is never read. */
export function refuse(req, res, status, message, headers = {}) {
  const bodyComing = Boolean(req.headers['transfer-encoding']) || Number(req.headers['content-length'] || 0) > 0
  const api = (req.url ?? '').startsWith('/api/')
  const body = api
    ? JSON.stringify({ errors: [{ message }] })
    : `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${status}</title><p>${message}</p></html>`
  if (bodyComing) linger(req.socket)
  if (!res.headersSent) {
    res.writeHead(status, {
      'content-type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'private, no-store',
      ...(bodyComing ? { connection: 'close' } : {}),
      ...headers,
    })
  }
  res.end(req.method === 'HEAD' ? undefined : body)
}

const LINGER_MS = 1000

/**
 * Closing a connection while the client is still sending makes its system discard our answer (the
 * client sees a reset, not the 413). So the connection is half-closed after the answer and kept
 * for a second, unread (the client's system holds back what it still sends; reading it would cost
 * the server the whole body), then closed: by then the client has read the answer.
 */
function linger(socket) {
  if (socket.lingering) return
  socket.lingering = true
  socket.destroySoon = function () {
    socket.pause()
    const timer = setTimeout(() => socket.destroy(), LINGER_MS)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))
    if (socket.writable) socket.end()
  }
}

const UPLOAD_PATH = /^\/api\/images(?:\/[^/?]+)?(?:\?|$)/

/** An upload to the images collection (the admin sends multipart to POST /api/images, PATCH /api/images/:id). */
export function isUpload(req) {
  return (
    (req.method === 'POST' || req.method === 'PATCH') &&
    UPLOAD_PATH.test(req.url ?? '') &&
    /^multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''))
  )
}

/**
 * The most a request's body may hold: 16 KB for logging in and the account forms, MAX_UPLOAD_MB for
 * uploads and for staff (an editor's save of a long article may pass 1 MB), MAX_BODY_KB for anyone
 * else.
 */
export function bodyCap(req, limits, staff = false) {
  if (AUTH_PATH.test(req.url ?? '')) return Math.min(AUTH_BODY_BYTES, limits.bodyBytes)
  return staff || isUpload(req) ? limits.uploadBytes : limits.bodyBytes
}

/** Logging in and the other account forms carry an e-mail and a password or a token: 16 KB is plenty. */
const AUTH_PATH = /^\/api\/users\/(?:login|logout|forgot-password|reset-password|unlock|refresh-token|first-register|verify\/[^/?]*)(?:\?|$)/
const AUTH_BODY_BYTES = 16 * 1024

/**
 * True when the address is one a browser could send: its path decodes (`/bai-viet/%ff` does not:
 * Next answered it 500), it has no dot segments (browsers resolve them; Next would too, after our
 * checks had read the path as given), and no NUL anywhere (PostgreSQL refuses it in text: a slug or
 * a search with `%00` was a 500).
 */
export function addressDecodes(url) {
  if (/%00/.test(url)) return false
  const end = url.indexOf('?')
  let path
  try {
    path = decodeURIComponent(end === -1 ? url : url.slice(0, end))
  } catch {
    return false
  }
  return !/(?:^|[/\\])\.\.?(?:[/\\]|$)/.test(path)
}

/**
 * Enforces the body cap: refuses at once by Content-Length, or counts a chunked body as the parser
 * hands it over and refuses as soon as it passes the cap (what was read is dropped, nothing more is
 * read). True when the request was refused and must not be handled further.
 */
export function capBody(req, res, cap) {
  const declared = req.headers['content-length']
  if (declared !== undefined) {
    if (!/^\d+$/.test(declared)) {
      refuse(req, res, 400, 'Content-Length không hợp lệ.')
      return true
    }
    if (Number(declared) > cap) {
      refuse(req, res, 413, MESSAGES.tooLarge(cap))
      return true
    }
    return false // Node's parser reads no more than Content-Length says
  }
  if (!req.headers['transfer-encoding']) return false
  let seen = 0
  const push = req.push
  req.push = function (chunk, encoding) {
    if (chunk === null) return push.call(this, chunk, encoding)
    seen += chunk.length
    if (seen <= cap) return push.call(this, chunk, encoding)
    req.push = () => false // dropped, and no more is read; the connection lingers (see linger) and is closed
    overrun(req, res, cap)
    return false
  }
  return false
}

/** A chunked body passed the cap while the app may already be waiting for it. */
function overrun(req, res, cap) {
  const answering = !res.headersSent
  if (answering) refuse(req, res, 413, MESSAGES.tooLarge(cap))
  // Whatever the app still writes for this request goes nowhere: it was answered, or is cut off.
  res.writeHead = function () {
    return this
  }
  res.setHeader = function () {
    return this
  }
  res.write = () => true
  res.end = function () {
    return this
  }
  // an answer already on its way (the app's) cannot be followed by ours: cut the connection
  if (!answering) req.socket.destroy()
}

/**
 * Upload slots: `uploadsAtOnce` uploads are read and processed at a time, `uploadQueue` more wait
 * (their bodies unread, held back by TCP; the wait counts in their REQUEST_TIMEOUT_SECONDS), the
 * rest are told to come back (503, Retry-After). Only staff reach them (server.mjs).
 */
export function uploadSlots(limits) {
  let active = 0
  const waiting = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else active -= 1
  }
  return {
    /** Runs `start` when a slot is free; false when the queue is full too (the caller refuses). */
    take(res, start) {
      const run = () => {
        // The slot is the app's until it answers (res.end), even if the client has gone: its
        // decoding goes on meanwhile. A client gone with no answer ever made frees it after the
        // request timeout.
        let released = false
        const free = () => {
          if (released) return
          released = true
          clearTimeout(timer)
          release()
        }
        let timer
        const end = res.end
        res.end = function (...args) {
          free()
          return end.apply(this, args)
        }
        res.once('close', () => {
          if (!released) timer = setTimeout(free, limits.requestTimeoutMs).unref()
        })
        start()
      }
      if (active < limits.uploadsAtOnce) {
        active += 1
        run()
        return true
      }
      if (waiting.length >= limits.uploadQueue) return false
      const entry = () => (res.destroyed ? release() : run())
      waiting.push(entry)
      // a client that gives up while waiting leaves the queue
      res.once('close', () => {
        const index = waiting.indexOf(entry)
        if (index !== -1) waiting.splice(index, 1)
      })
      return true
    },
    get active() {
      return active
    },
    get waiting() {
      return waiting.length
    },
  }
}

const MEDIA_PATH = /^\/api\/images\/file\/([^/?]+)(?:\?|$)/

/**
 * For GET /api/images/file/<name>: false when the file is not in the media folder (answer 404
 * quietly); true when it is there or the request is not for a media file.
 */
export async function mediaExists(req, limits) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return true
  const match = MEDIA_PATH.exec(req.url ?? '')
  if (!match) return true
  let name
  try {
    name = decodeURIComponent(match[1])
  } catch {
    return false
  }
  if (name.includes('/') || name.includes('\\') || name.startsWith('.') || name.includes('\0')) return false
  try {
    return (await fs.promises.stat(path.join(limits.mediaDir, name))).isFile()
  } catch {
    return false
  }
}
