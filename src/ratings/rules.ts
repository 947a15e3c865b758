/**
 * What a vote must look like. Plain functions: no Payload, no HTTP.
 */
import { MESSAGES } from './messages'

export const MAX_VOTE_BODY_BYTES = 1024


export type VoteParse = { ok: true; score: number } | { ok: false; message: string }

export function isValidScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
}

/** A JSON vote: exactly `{ "score": n }` with n an integer from 1 to 5. */
export function parseJsonVote(body: string): VoteParse {
  if (Buffer.byteLength(body) > MAX_VOTE_BODY_BYTES) return { ok: false, message: MESSAGES.tooLarge }
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    return { ok: false, message: MESSAGES.notJson }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: MESSAGES.badShape }
  const keys = Object.keys(data)
  if (keys.length !== 1 || keys[0] !== 'score') return { ok: false, message: MESSAGES.badShape }
  const { score } = data as { score: unknown }
  return isValidScore(score) ? { ok: true, score } : { ok: false, message: MESSAGES.badScore }
}

/** A form vote (no JavaScript): `score=n`, nothing else. */
export function parseFormVote(body: string): VoteParse {
  if (Buffer.byteLength(body) > MAX_VOTE_BODY_BYTES) return { ok: false, message: MESSAGES.tooLarge }
  const form = new URLSearchParams(body)
  const keys = [...new Set(form.keys())]
  if (keys.length !== 1 || keys[0] !== 'score' || form.getAll('score').length !== 1) {
    return { ok: false, message: MESSAGES.badScore }
  }
  const raw = form.get('score')!
  const score = /^[1-5]$/.test(raw) ? Number(raw) : NaN
  return isValidScore(score) ? { ok: true, score } : { ok: false, message: MESSAGES.badScore }
}
