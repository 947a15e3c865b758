export const AUDIT_COLLECTION = 'audit-log'

/** What the audit trail records, in the newsroom's words (the admin list's filter offers these). */
export const AUDIT_ACTIONS = {
  login: { vi: 'Đăng nhập', en: 'Login' },
  'login-failed': { vi: 'Đăng nhập thất bại', en: 'Failed login' },
  logout: { vi: 'Đăng xuất', en: 'Logout' },
  create: { vi: 'Tạo mới', en: 'Create' },
  update: { vi: 'Sửa', en: 'Update' },
  publish: { vi: 'Đăng bài', en: 'Publish' },
  unpublish: { vi: 'Gỡ bài', en: 'Unpublish' },
  schedule: { vi: 'Hẹn giờ', en: 'Schedule' },
  unschedule: { vi: 'Hủy hẹn giờ', en: 'Unschedule' },
  delete: { vi: 'Xóa', en: 'Delete' },
  'role-change': { vi: 'Đổi vai trò', en: 'Role change' },
  'global-change': { vi: 'Sửa thiết lập chung', en: 'Settings change' },
  'vote-change': { vi: 'Sửa lượt đánh giá', en: 'Vote change' },
  'vote-delete': { vi: 'Xóa lượt đánh giá', en: 'Vote deletion' },
  'vote-recompute': { vi: 'Tính lại điểm đánh giá', en: 'Vote totals recomputed' },
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

/** What an entry is about: a collection's document or a global. */
export const AUDIT_TARGETS = {
  articles: { vi: 'Bài viết', en: 'Article' },
  users: { vi: 'Người dùng', en: 'User' },
  ratings: { vi: 'Đánh giá', en: 'Vote' },
  site: { vi: 'Thông tin cổng', en: 'Site' },
  'service-links': { vi: 'Liên kết dịch vụ', en: 'Service links' },
} as const

export type AuditTarget = keyof typeof AUDIT_TARGETS

/** Why a login failed: the detail of a `login-failed` entry. */
export const LOGIN_FAILURES = {
  'wrong-password': 'Sai mật khẩu',
  'unknown-email': 'Không có tài khoản với e-mail này',
  throttled: 'Bị chặn tạm thời vì thử quá nhiều lần',
} as const

export type LoginFailure = keyof typeof LOGIN_FAILURES
