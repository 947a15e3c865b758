/** The importer's summary as the lines the command prints. */
import type { ImportSummary, Kind } from './importer'

const KINDS: Record<Kind, string> = {
  categories: 'Chuyên mục',
  authors: 'Tác giả (bút danh)',
  images: 'Ảnh',
  articles: 'Bài viết',
  redirects: 'Chuyển hướng địa chỉ cũ',
}

export function formatSummary(summary: ImportSummary): string[] {
  const lines: string[] = []
  lines.push(summary.dryRun ? '— CHẠY THỬ (--dry-run): không ghi gì; đây là những gì sẽ làm —' : '— Kết quả —')
  lines.push(`Ngôn ngữ: ${summary.langs.join(', ')}`)
  for (const [kind, label] of Object.entries(KINDS) as [Kind, string][]) {
    const t = summary.counts[kind]
    lines.push(`${label}: ${t.created} mới, ${t.updated} cập nhật, ${t.unchanged} không đổi`)
  }
  const s = summary.statuses
  lines.push(`Bài viết theo trạng thái: ${s.published} đang đăng, ${s.scheduled} hẹn giờ, ${s.expired} hết hạn, ${s.submitted} chờ duyệt, ${s.draft} nháp/đình chỉ`)
  if (summary.skipped.length) {
    lines.push(`Bỏ qua ${summary.skipped.length}:`)
    for (const { key, reason } of summary.skipped) lines.push(`  ${key}: ${reason}`)
  }
  if (summary.missingImages.length) {
    lines.push(`Thiếu ${summary.missingImages.length} tệp ảnh:`)
    for (const { file, article } of summary.missingImages) lines.push(`  ${file} (bài ${article})`)
  }
  if (summary.dropped.length) {
    lines.push(`Nội dung không giữ được (${summary.dropped.length} bài):`)
    for (const { article, what } of summary.dropped) lines.push(`  ${article}: ${what.join('; ')}`)
  }
  lines.push(`Thời gian: ${(summary.durationMs / 1000).toFixed(1)} giây`)
  return lines
}
