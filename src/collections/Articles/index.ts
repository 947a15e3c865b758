import type { CollectionConfig, FieldAccess, FieldHook, NumberField } from 'payload'

import { BlocksFeature, EXPERIMENTAL_TableFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { createArticle, deleteArticle, readArticles, readArticleVersions, updateArticle } from '../../access/articles'
import { isEditorField } from '../../access/isEditor'
import { isStaffField } from '../../access/isStaff'
import { ADMIN_TIME_FORMAT, dayAndTime } from '../../admin/dates'
import { auditArticleChange, auditArticleDelete, noteLiveBeforeSave } from '../../audit/hooks'
import { mustExist } from '../../fields/mustExist'
import { slugField } from '../../fields/slug'
import { ratingEndpoints } from '../../ratings/endpoint'
import { abandonArticleEndpoint } from './endpoints/abandon'
import { saveArticleEndpoint } from './endpoints/save'
import { scheduleEndpoints } from './endpoints/schedule'
import { ImageWithCaption } from './blocks/ImageWithCaption'
import { VideoEmbed } from './blocks/VideoEmbed'
import { deleteVotes } from './hooks/deleteVotes'
import { includePrimaryCategory } from './hooks/includePrimaryCategory'
import { indexForSearch } from './hooks/indexForSearch'
import { rejectUnknownStatus } from './hooks/rejectUnknownStatus'
import { revalidateChangedArticle, revalidateDeletedArticle } from './hooks/revalidateArticle'
import { applyReview, notifyOnSubmit, stampSave } from './hooks/reviewWorkflow'
import { stampAuthorship } from './hooks/stampAuthorship'
import { reviewFields } from './reviewFields'
import { nukevietKeyField } from '../../fields/nukevietKey'
import { noteLiveSlug, redirectOldArticleSlug } from '../../redirects/hooks'

const internalField = { disableListFilter: true, disableListColumn: true, disableGroupBy: true, disableBulkEdit: true }

/** Counters move only through the system (Local API with access overridden), never a request. */
const systemOnly: FieldAccess = () => false

/**
 * A save of the article leaves its counters out of the UPDATE: the copy the save started from
 * (often a draft version) may be older than the votes and views counted since.
 */
const leaveCounterAlone: FieldHook = ({ operation, siblingData, field }) => {
  if (operation === 'update' && 'name' in field && field.name) delete siblingData[field.name]
  return undefined
}

const counter = (name: string, label: { vi: string; en: string }): NumberField => ({
    name,
    type: 'number',
    defaultValue: 0,
    min: 0,
    label,
    access: { create: systemOnly, update: systemOnly },
    hooks: { beforeChange: [leaveCounterAlone] },
    admin: { readOnly: true, position: 'sidebar' },
  })

/** A figure carried over from NukeViet: read-only, shown only on imported articles that have it. */
const importedBase = (name: string, label: { vi: string; en: string }): NumberField => {
  const field = counter(name, label)
  return {
    ...field,
    admin: { ...field.admin, ...internalField, condition: (data) => Number(data?.[name] ?? 0) > 0 },
  }
}

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: { vi: 'Bài viết', en: 'Article' }, plural: { vi: 'Bài viết', en: 'Articles' } },
  defaultSort: '-publishedAt',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'primaryCategory', '_status', 'reviewStatus', 'reviewNote', 'createdBy', 'publishedAt', 'updatedAt'],
    group: { vi: 'Tin bài', en: 'News' },
    listSearchableFields: ['title', 'slug', 'byline'],
    // "Xem trước" in the admin: the article as the portal will show it, drafts included
    preview: (doc, { locale }) => (doc?.slug ? `/api/preview?slug=${doc.slug}&locale=${locale}` : null),
    // Publishing controls in the newsroom's words, a visible "Lưu nháp", and nothing typed lost
    // on leaving (components/); each is offered only to those allowed to use it.
    components: {
      edit: {
        beforeDocumentControls: ['/src/collections/Articles/components/SaveBeforeLeaving#SaveBeforeLeaving'],
        SaveDraftButton: '/src/collections/Articles/components/SaveDraftButton#SaveDraftButton',
        PublishButton: '/src/collections/Articles/components/PublishControls#PublishControls',
        UnpublishButton: '/src/collections/Articles/components/PublishControls#NoUnpublishInMenu',
      },
    },
  },
  access: {
    read: readArticles,
    readVersions: readArticleVersions,
    create: createArticle,
    update: updateArticle,
    delete: deleteArticle,
  },
  endpoints: [...ratingEndpoints, saveArticleEndpoint, ...scheduleEndpoints, abandonArticleEndpoint],
  versions: {
    maxPerDoc: 50,
    drafts: { autosave: { interval: 2000, showSaveDraftButton: true }, schedulePublish: { timeFormat: ADMIN_TIME_FORMAT } },
  },
  hooks: {
    beforeValidate: [rejectUnknownStatus, includePrimaryCategory, applyReview],
    beforeChange: [stampAuthorship, stampSave, indexForSearch, noteLiveBeforeSave, noteLiveSlug],
    beforeDelete: [deleteVotes],
    afterChange: [revalidateChangedArticle, notifyOnSubmit, auditArticleChange, redirectOldArticleSlug],
    afterDelete: [revalidateDeletedArticle, auditArticleDelete],
  },
  fields: [
    {
      name: 'lockedNotice',
      type: 'ui',
      // Why a reporter cannot edit a published article (nothing stored).
      admin: {
        disableListColumn: true,
        components: { Field: '/src/collections/Articles/components/LockedNotice#LockedNotice' },
      },
    },
    {
      name: 'title',
      type: 'text',
      required: true,
      localized: true,
      maxLength: 300,
      label: { vi: 'Tiêu đề', en: 'Title' },
    },
    slugField('title', { Field: '/src/collections/Articles/components/SlugField#SlugField' }),
    {
      name: 'lead',
      type: 'textarea',
      localized: true,
      maxLength: 2000,
      label: { vi: 'Sapo (tóm tắt)', en: 'Lead' },
      admin: { description: { vi: 'Đoạn mở đầu, ví dụ: "(CTTĐTBP) - ..."', en: 'The opening paragraph.' } },
    },
    {
      type: 'row',
      fields: [
        { name: 'heroImage', type: 'upload', relationTo: 'images', filterOptions: mustExist, label: { vi: 'Ảnh đại diện', en: 'Hero image' } },
        {
          name: 'heroCaption',
          type: 'textarea',
          localized: true,
          label: { vi: 'Chú thích ảnh đại diện', en: 'Hero caption' },
        },
      ],
    },
    {
      // NukeViet's `imgposition` (2, 1, 0), which the importer keeps
      name: 'heroPosition',
      type: 'select',
      defaultValue: 'large',
      label: { vi: 'Vị trí ảnh đại diện', en: 'Hero image position' },
      options: [
        { value: 'large', label: { vi: 'Lớn, dưới sapo', en: 'Large, under the lead' } },
        { value: 'small', label: { vi: 'Nhỏ, bên trái sapo', en: 'Small, left of the lead' } },
        { value: 'hidden', label: { vi: 'Không hiện trong trang bài', en: 'Not shown on the article page' } },
      ],
      admin: {
        description: {
          vi: 'Ảnh đại diện vẫn dùng cho danh sách tin và khi chia sẻ lên mạng xã hội.',
          en: 'The hero image is still used in lists and when shared.',
        },
      },
    },
    {
      name: 'body',
      type: 'richText',
      localized: true,
      label: { vi: 'Nội dung', en: 'Body' },
      // the versions screen names our blocks in Vietnamese, not "imageWithCaption Block"
      admin: { components: { Diff: '@/components/admin/BodyDiff#BodyDiff' } },
      editor: lexicalEditor({
        // tables: articles moved from NukeViet keep theirs (src/import/nukeviet)
        features: ({ defaultFeatures }) => [...defaultFeatures, BlocksFeature({ blocks: [ImageWithCaption, VideoEmbed] }), EXPERIMENTAL_TableFeature()],
      }),
    },
    {
      name: 'byline',
      type: 'text',
      localized: true,
      maxLength: 200,
      label: { vi: 'Tác giả / nguồn', en: 'Byline' },
      admin: { description: { vi: 'Dòng "Tác giả:", ví dụ "Theo Đài PT-TH&BBP".', en: 'E.g. "Theo Đài PT-TH&BBP".' } },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      filterOptions: mustExist,
      label: { vi: 'Tác giả', en: 'Authors' },
    },
    {
      name: 'primaryCategory',
      type: 'relationship',
      relationTo: 'categories',
      required: true,
      filterOptions: mustExist,
      label: { vi: 'Chuyên mục chính', en: 'Primary category' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      filterOptions: mustExist,
      label: { vi: 'Các chuyên mục', en: 'Categories' },
      admin: { position: 'sidebar', description: { vi: 'Luôn gồm chuyên mục chính.', en: 'Always includes the primary one.' } },
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      maxRows: 20,
      label: { vi: 'Thẻ', en: 'Tags' },
      admin: {
        position: 'sidebar',
        placeholder: { vi: 'Gõ thẻ…', en: 'Type a tag…' },
        description: { vi: 'Gõ thẻ rồi nhấn Enter.', en: 'Type a tag, then press Enter.' },
        components: { Field: '/src/collections/Articles/components/TagsField#TagsField' },
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { vi: 'Ngày đăng', en: 'Published at' },
      // the dateline: the moment the article went live (stampAuthorship) unless an editor set one
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar', date: dayAndTime },
    },
    {
      name: 'expiresAt',
      type: 'date',
      index: true,
      label: { vi: 'Hết hạn lúc', en: 'Expires at' },
      admin: {
        position: 'sidebar',
        date: dayAndTime,
        description: { vi: 'Sau thời điểm này bài viết không còn hiển thị trên cổng.', en: 'After this, the article leaves the portal.' },
      },
      validate: (value: unknown, { siblingData }: { siblingData: { publishedAt?: string | null } }) => {
        if (!value || !siblingData?.publishedAt) return true
        return new Date(value as string) > new Date(siblingData.publishedAt)
          ? true
          : 'Thời điểm hết hạn phải sau ngày đăng.'
      },
    },
    {
      name: 'allowRating',
      type: 'checkbox',
      defaultValue: true,
      label: { vi: 'Cho phép đánh giá', en: 'Allow rating' },
      admin: { position: 'sidebar' },
    },
    counter('viewCount', { vi: 'Lượt xem', en: 'Views' }),
    counter('ratingTotal', { vi: 'Tổng điểm đánh giá', en: 'Rating points' }),
    counter('ratingCount', { vi: 'Số lượt đánh giá', en: 'Rating votes' }),
    // What the old NukeViet portal had counted (src/import/nukeviet/figures.ts): views and rating
    // points and votes from before the move, included in the counters above. NukeViet kept no
    // single votes, so "Tính lại điểm" rebuilds the rating as this base plus the votes cast here.
    importedBase('viewBase', { vi: 'Lượt xem chuyển từ NukeViet', en: 'Views carried over from NukeViet' }),
    importedBase('ratingBaseTotal', { vi: 'Điểm đánh giá chuyển từ NukeViet', en: 'Rating points carried over from NukeViet' }),
    importedBase('ratingBaseCount', { vi: 'Lượt đánh giá chuyển từ NukeViet', en: 'Rating votes carried over from NukeViet' }),
    nukevietKeyField(),
    // Folded copies for diacritic-insensitive search (hooks/indexForSearch); not edited by hand,
    // and kept out of the list's filters and columns, which offer hidden fields otherwise.
    // (labelled all the same: the versions' comparison shows them)
    {
      name: 'searchTitle',
      type: 'text',
      localized: true,
      label: { vi: 'Tiêu đề không dấu (để tìm kiếm)', en: 'Folded title (search)' },
      admin: { hidden: true, ...internalField },
    },
    {
      name: 'searchText',
      type: 'textarea',
      localized: true,
      label: { vi: 'Nội dung không dấu (để tìm kiếm)', en: 'Folded text (search)' },
      admin: { hidden: true, ...internalField },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người tạo', en: 'Created by' },
      access: { read: isStaffField, create: systemOnly, update: systemOnly },
      admin: { readOnly: true, position: 'sidebar' },
    },
    ...reviewFields,
  ],
}
