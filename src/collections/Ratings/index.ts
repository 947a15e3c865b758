import type { CollectionConfig } from 'payload'

import { isAdminField } from '../../access/isAdmin'
import { isEditor } from '../../access/isEditor'
import { auditVoteChange, auditVoteDelete } from '../../audit/hooks'
import { recomputeEndpoint } from '../../ratings/recompute'
import { retractDeletedVote } from './hooks/retractDeletedVote'

const nobody = () => false

/**
 * One reader's vote on one article. Written only by the rating endpoint; editors see votes and
 * may delete abusive ones (the article's totals follow); voter keys and IP hashes are for admins.
 */
export const Ratings: CollectionConfig = {
  slug: 'ratings',
  labels: { singular: { vi: 'Lượt đánh giá', en: 'Vote' }, plural: { vi: 'Đánh giá', en: 'Votes' } },
  admin: {
    defaultColumns: ['article', 'score', 'createdAt'],
    group: { vi: 'Tin bài', en: 'News' },
    description: {
      vi: 'Mỗi dòng là một lượt đánh giá của bạn đọc. Xóa lượt đánh giá gian lận thì tổng điểm của bài viết được trừ tương ứng.',
      en: "Each row is one reader's vote. Deleting an abusive vote takes it out of the article's totals.",
    },
    components: { beforeListTable: ['@/components/rating/RecomputeButton#RecomputeButton'] },
  },
  indexes: [{ fields: ['article', 'voterKey'], unique: true }],
  access: { read: isEditor, create: nobody, update: nobody, delete: isEditor },
  endpoints: [recomputeEndpoint],
  hooks: { afterChange: [auditVoteChange], afterDelete: [retractDeletedVote, auditVoteDelete] },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, label: { vi: 'Bài viết', en: 'Article' } },
    { name: 'score', type: 'number', required: true, min: 1, max: 5, label: { vi: 'Điểm', en: 'Score' } },
    { name: 'voterKey', type: 'text', required: true, access: { read: isAdminField }, label: { vi: 'Mã người đánh giá', en: 'Voter key' } },
    { name: 'ipHash', type: 'text', access: { read: isAdminField }, label: { vi: 'Mã băm IP', en: 'IP hash' } },
  ],
}
