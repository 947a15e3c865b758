/** Every sentence a voter may read, in one place. */
export const MESSAGES = {
  thanks: 'Cảm ơn bạn đã đánh giá bài viết.',
  duplicate: 'Bạn đã đánh giá bài viết này',
  notJson: 'Nội dung gửi lên không phải JSON hợp lệ.',
  tooLarge: 'Nội dung gửi lên quá lớn.',
  badShape: 'Chỉ gửi một trường "score".',
  badScore: 'Điểm đánh giá phải là số nguyên từ 1 đến 5.',
  notFound: 'Không tìm thấy bài viết.',
  disabled: 'Bài viết này không nhận đánh giá.',
  crossSite: 'Chỉ nhận đánh giá gửi từ chính trang của cổng thông tin.',
  tooMany: 'Địa chỉ mạng của bạn đã gửi quá nhiều đánh giá cho bài viết này hôm nay. Vui lòng thử lại sau.',
} as const

/** The outcome a form post (no JavaScript) carries back to the article: ?danh-gia=<code>. */
export const OUTCOMES = {
  'cam-on': MESSAGES.thanks,
  'da-danh-gia': MESSAGES.duplicate,
  'qua-nhieu': MESSAGES.tooMany,
  'khong-hop-le': 'Vui lòng chọn từ 1 đến 5 sao rồi gửi lại.',
  'khong-nhan': MESSAGES.disabled,
} as const

export type Outcome = keyof typeof OUTCOMES

export const OUTCOME_BY_STATUS: Record<number, Outcome> = {
  201: 'cam-on',
  409: 'da-danh-gia',
  429: 'qua-nhieu',
  400: 'khong-hop-le',
  403: 'khong-nhan',
}

/** 4.25 → "4,3": one decimal, Vietnamese decimal comma. */
export function formatAverage(average: number): string {
  return average.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
}
