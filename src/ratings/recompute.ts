import type { Endpoint } from 'payload'

import { hasRole } from '../access/roles'
import { recordAudit } from '../audit/record'
import { recomputeTotals } from './store'

/** POST /api/ratings/recompute: editors rebuild every article's rating totals: the base carried over from NukeViet plus the votes. */
export const recomputeEndpoint: Endpoint = {
  path: '/recompute',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) {
      return Response.json({ errors: [{ message: 'Chỉ biên tập viên hoặc quản trị viên được tính lại điểm.' }] }, { status: 403 })
    }
    const changed = await recomputeTotals(req.payload)
    await recordAudit(req, { action: 'vote-recompute', detail: `${changed} bài viết được điều chỉnh` })
    return Response.json({ changed, message: `Đã tính lại điểm từ các lượt đánh giá: ${changed} bài viết được điều chỉnh.` })
  },
}
