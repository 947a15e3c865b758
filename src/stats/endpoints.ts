/**
 * How hits arrive. The fast path: scripts/server.mjs answers POST /api/stats/hit itself, through
 * the handler this module puts on globalThis when Payload starts, without Next's per-request
 * cost. The same recorder also serves the route as a Payload endpoint, for the requests that
 * arrive before Payload has started and for servers other than ours (next start).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Endpoint, Payload } from 'payload'

import { textUpTo } from '../limits/body'
import { clientIp } from '../lib/clientIp'
import { HIT_MESSAGES, MAX_HIT_BYTES } from './hit'
import { type HitAnswer, Recorder } from './recorder'

const recorders = new WeakMap<Payload, Recorder>()

export function recorderFor(payload: Payload): Recorder {
  let recorder = recorders.get(payload)
  if (!recorder) recorders.set(payload, (recorder = new Recorder(payload)))
  return recorder
}

/** After an import of old figures: this process's recorder (if it has one) reads them anew. */
export function forgetCarriedOver(payload: Payload): void {
  recorders.get(payload)?.forgetStartingTotal()
}

const headersOf = (answer: HitAnswer): Record<string, string> => ({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  ...(answer.retryAfter ? { 'retry-after': String(answer.retryAfter) } : {}),
})

export const hitEndpoint: Endpoint = {
  path: '/stats/hit',
  method: 'post',
  handler: async (req) => {
    const text = await textUpTo(req, MAX_HIT_BYTES)
    const answer = await recorderFor(req.payload).hit({
      body: text,
      ip: clientIp(req.headers),
      userAgent: req.headers.get('user-agent') ?? '',
      host: req.headers.get('host'),
    })
    return new Response(answer.json ?? JSON.stringify(answer.body), { status: answer.status, headers: headersOf(answer) })
  },
}

/** Reads a request body up to `limit` bytes; null when it is longer (the rest is drained). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] || 0)
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = declared > limit
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else if (!tooLarge) chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The custom server's fast path for POST /api/stats/hit (it has set CLIENT_IP_HEADER from the socket). */
export async function handleHitRequest(payload: Payload, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let answer: HitAnswer
  if (req.method !== 'POST') {
    answer = { status: 405, body: { errors: [{ message: HIT_MESSAGES.method }] } }
  } else {
    const body = readBody(req, MAX_HIT_BYTES).catch(() => null)
    answer = await recorderFor(payload).hit({
      body,
      ip: clientIp(req.headers),
      userAgent: String(req.headers['user-agent'] ?? ''),
      host: req.headers.host ?? null,
    })
  }
  const text = answer.json ?? JSON.stringify(answer.body)
  res.writeHead(answer.status, { ...headersOf(answer), 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

export const STATS_HANDLE = Symbol.for('cttd.stats')

export type StatsHandle = {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>
  flush: () => Promise<void>
}

/** Called from the config's onInit: hands the recorder to scripts/server.mjs. */
export function registerStats(payload: Payload): void {
  ;(globalThis as Record<symbol, StatsHandle>)[STATS_HANDLE] = {
    handle: (req, res) => handleHitRequest(payload, req, res),
    flush: () => recorderFor(payload).flush(),
  }
}

/** GET /api/health: 200 when the database answers, 503 when it does not. */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    try {
      await recorderFor(req.payload).db.all('SELECT 1 AS ok')
      return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } })
    } catch {
      return Response.json(
        { status: 'error', errors: [{ message: 'Không kết nối được cơ sở dữ liệu.' }] },
        { status: 503, headers: { 'cache-control': 'no-store' } },
      )
    }
  },
}
