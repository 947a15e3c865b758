/**
 * An article leaves the portal at its expiry time (`expiresAt`), but its page and the lists that
 * hold it are cached until something revalidates them. When a published article is saved with
 * an expiry in the future, this task is queued to run then (waitUntil); the job queue, worked
 * every minute, runs it and revalidates them, on every instance (see cache-handler.cjs).
 */
import type { TaskConfig } from 'payload'

import { revalidate, tags } from '../lib/cache'

export const REVALIDATE_EXPIRED_ARTICLE = 'revalidateExpiredArticle'

export const revalidateExpiredArticle: TaskConfig<{ input: { slug: string }; output: Record<string, never> }> = {
  slug: REVALIDATE_EXPIRED_ARTICLE,
  label: 'Làm mới trang khi bài viết hết hạn',
  inputSchema: [{ name: 'slug', type: 'text', required: true }],
  retries: 2,
  handler: async ({ input }) => {
    revalidate(tags.article(input.slug), tags.articleLists)
    return { output: {} }
  },
}
