/**
 * What a password must be: at least 12 characters and hard to guess. zxcvbn-ts scores it against
 * the common passwords, keyboard walks, dates and repeats, and against the account's own e-mail
 * and name; below a score of 3 ("safely unguessable" against online guessing) it is refused.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

export const MIN_PASSWORD_LENGTH = 12
/** Beyond it scoring and hashing only cost time; a passphrase of 128 characters is plenty. */
export const MAX_PASSWORD_LENGTH = 128
const MIN_SCORE = 3

/** Words anyone would try first against this portal's accounts. */
const SITE_WORDS = ['congthongtin', 'cổng thông tin', 'cong thong tin', 'portal', 'quantri', 'quản trị']

export const PASSWORD_MESSAGES = {
  notText: 'Mật khẩu phải là một chuỗi ký tự.',
  tooShort: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
  tooLong: `Mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự.`,
  tooCommon: 'Mật khẩu này quá phổ biến, dễ đoán; hãy chọn một cụm từ dài hơn, khó đoán hơn.',
} as const

let factory: ZxcvbnFactory | null = null
// Built on first use: loading the dictionaries takes ~30 ms that most processes never need.
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }))

/** Why the password is refused, in Vietnamese, or null when it may be used. */
export function passwordProblem(password: unknown, account: { email?: unknown; name?: unknown } = {}): string | null {
  // Payload hashes whatever it is given: a number or an object was a 500.
  if (typeof password !== 'string') return PASSWORD_MESSAGES.notText
  const length = [...password].length
  if (length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort
  if (length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong
  const inputs = [...SITE_WORDS]
  for (const value of [account.email, account.name]) {
    if (typeof value !== 'string' || !value) continue
    inputs.push(value, ...value.split(/[@.\s_-]+/).filter((part) => part.length >= 3))
  }
  return zxcvbn().check(password, inputs).score < MIN_SCORE ? PASSWORD_MESSAGES.tooCommon : null
}
