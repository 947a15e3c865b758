/**
 * GET and POST /api/articles/:id/rating. JSON in and out for the widget; a plain form post
 * (no JavaScript) is answered with a redirect back to the article, the outcome in the query.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { publishedAndLive } from '../access/publishedAndLive'
import { textUpTo } from '../limits/body'
import { routeId } from '../limits/values'
import { revalidate, tags } from '../lib/cache'
import { clientIp } from '../lib/clientIp'
import { keyedHash } from '../lib/keyedHash'
import { isHttps, requestSource } from '../security/origin'
import { takeVoteSlot } from './limiter'
import { MESSAGES, OUTCOME_BY_STATUS } from './messages'
import { MAX_VOTE_BODY_BYTES, parseFormVote, parseJsonVote } from './rules'
import { castVote, readTotals } from './store'
import { summarize } from './summary'
import { identifyVoter } from './voter'

type Answer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> }

const json = ({ status, body, headers = {} }: Answer) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } })

const refuse = (status: number, message: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { errors: [{ message }] },
  headers,
})

async function findRateableArticle(req: PayloadRequest, id: number) {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ id: { equals: id } }, publishedAndLive()] },
    select: { slug: true, allowRating: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}

async function vote(req: PayloadRequest, isForm: boolean): Promise<Answer & { slug?: string }> {
  const id = routeId(req)
  const body = await textUpTo(req, MAX_VOTE_BODY_BYTES)
  if (body === null) return refuse(400, MESSAGES.tooLarge)
  const parsed = isForm ? parseFormVote(body) : parseJsonVote(body)
  if (id === null) return refuse(404, MESSAGES.notFound)
  const article = await findRateableArticle(req, id)
  if (!article) return refuse(404, MESSAGES.notFound)
  const slug = article.slug
  if (!parsed.ok) return { ...refuse(400, parsed.message), slug }
  if (article.allowRating === false) return { ...refuse(403, MESSAGES.disabled), slug }

  const secret = req.payload.secret
  const ipHash = keyedHash(secret, 'ip', clientIp(req.headers))
  const limit = await takeVoteSlot(id, ipHash)
  if (!limit.allowed) {
    return { ...refuse(429, MESSAGES.tooMany, { 'retry-after': String(limit.retryAfterSeconds) }), slug }
  }

  const voter = identifyVoter(secret, req.headers, req.user, { create: true, secure: isHttps(req.headers) })!
  const cookie = voter.setCookie ? { 'set-cookie': voter.setCookie } : undefined
  const result = await castVote(req.payload, { articleId: id, score: parsed.score, voterKey: voter.key, ipHash })
  const summary = summarize(result.total, result.count, result.yourScore)
  if (!result.inserted) {
    return { status: 409, body: { ...summary, errors: [{ message: MESSAGES.duplicate }] }, headers: cookie, slug }
  }
  return { status: 201, body: { ...summary, message: MESSAGES.thanks }, headers: cookie, slug }
}

export const ratingEndpoints: Endpoint[] = [
  {
    path: '/:id/rating',
    method: 'get',
    handler: async (req) => {
      const id = routeId(req)
      if (id === null || !(await findRateableArticle(req, id))) return json(refuse(404, MESSAGES.notFound))
      const voter = identifyVoter(req.payload.secret, req.headers, req.user, { create: false, secure: false })
      const totals = await readTotals(req.payload, id, voter?.key ?? null)
      return json({ status: 200, body: summarize(totals.total, totals.count, totals.yourScore) })
    },
  },
  {
    path: '/:id/rating',
    method: 'post',
    handler: async (req) => {
      // Another site cannot make its visitors vote: not by form, script or text/plain post. A page
      // of ours says so (Origin, or Sec-Fetch-Site); a client that says neither is no browser.
      if (requestSource(req.headers) === 'other') return json(refuse(403, MESSAGES.crossSite))
      const contentType = req.headers.get('content-type') ?? ''
      const isForm = contentType.startsWith('application/x-www-form-urlencoded')
      const answer = await vote(req, isForm)
      if (!isForm || !answer.slug) return json(answer)
      const outcome = OUTCOME_BY_STATUS[answer.status] ?? 'khong-hop-le'
      // A reader without JavaScript sees the totals the cached page holds: refresh it for them.
      // (The widget reads fresh totals itself, so JSON votes do not touch the page cache.)
      if (answer.status === 201) revalidate(tags.article(answer.slug))
      return new Response(null, {
        status: 303,
        headers: {
          location: `/bai-viet/${answer.slug}#danh-gia-${outcome}`,
          'cache-control': 'no-store',
          ...answer.headers,
        },
      })
    },
  },
]
