/** GET /api/stats/report: the admin view's data, as JSON or CSV; admins and editors only. */
import type { Endpoint } from 'payload'

import { hasRole } from '../access/roles'
import { buildReport, parseReportQuery, REPORT_MESSAGES, reportCsv } from './report'
import { recorderFor } from './endpoints'
import { articleTitlesOf } from './summary'
import { bucketsOf } from './time'

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'cache-control': 'no-store' } })

export const reportEndpoint: Endpoint = {
  path: '/stats/report',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refuse(401, REPORT_MESSAGES.login)
    if (!hasRole(req.user, 'admin', 'editor')) return refuse(403, REPORT_MESSAGES.forbidden)
    const params = new URL(req.url ?? 'http://x/', 'http://x').searchParams
    const format = params.get('format') ?? 'json'
    if (format !== 'json' && format !== 'csv') return refuse(400, REPORT_MESSAGES.format)
    const parsed = parseReportQuery(params, bucketsOf(Date.now()).day)
    if (!parsed.ok) return refuse(400, parsed.message)

    const report = await buildReport(recorderFor(req.payload).db, parsed.query, articleTitlesOf(req.payload, req))
    if (format === 'csv') {
      const name = `thong-ke-${parsed.query.from}-${parsed.query.to}.csv`
      return new Response(reportCsv(report), {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
      })
    }
    return Response.json(report, { headers: { 'cache-control': 'no-store' } })
  },
}
