/**
 * GET /api/live: liveness (the process answers), without touching the database; readiness with
 * the database is GET /api/health. The benchmark also uses it as the floor: the cost of a
 * trivial Next route handler.
 */
export const dynamic = 'force-dynamic'

export function GET() {
  return new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}
