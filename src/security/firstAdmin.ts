/**
 * The first admin is made on the server, never by the first visitor: Payload's public
 * first-register (and the admin's "create first user" form) would make an admin of whoever comes
 * first to a portal started with no accounts, as the Docker image is (SEED_DEMO=false).
 * `npm run create-admin -- EMAIL [--name "…"]` makes one instead (src/security/create-admin.ts).
 */
import crypto from 'node:crypto'

import type { Endpoint, Payload } from 'payload'

export const CREATE_ADMIN_COMMAND = 'npm run create-admin -- email@co-quan.gov.vn --name "Họ và tên"'
export const CREATE_ADMIN_DOCKER_COMMAND = 'docker compose exec app1 npm run create-admin -- email@co-quan.gov.vn --name "Họ và tên"'

export const FIRST_ADMIN_MESSAGES = {
  firstRegister: `Không tạo tài khoản đầu tiên qua trang web. Trên máy chủ, chạy: ${CREATE_ADMIN_COMMAND}`,
  usage: `Cách dùng: ${CREATE_ADMIN_COMMAND}`,
  malformed: (email: string) => `Địa chỉ e-mail không hợp lệ: "${email}".`,
  exists: (email: string) => `Đã có tài khoản với e-mail ${email}: không tạo thêm. Đổi mật khẩu tài khoản đó trong trang quản trị.`,
  badName: 'Họ và tên phải có từ 1 đến 200 ký tự.',
} as const

/** Answers Payload's first-register in its place (a collection's own endpoints come first). */
export const refuseFirstRegister: Endpoint = {
  path: '/first-register',
  method: 'post',
  handler: () => Response.json({ errors: [{ message: FIRST_ADMIN_MESSAGES.firstRegister }] }, { status: 403 }),
}

/** The e-mail forms Payload's own validation takes, within the length a mailbox may have. */
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/

export type CreateAdminArgs = { email?: string; name?: string }

/**
 * `EMAIL [--name "…"]` from the command line. `payload run` passes a script only its positional
 * arguments: the npm script ends with `--`, so that flags after it arrive as they were typed.
 */
export function parseCreateAdminArgs(input: unknown[]): CreateAdminArgs {
  const argv = input.map(String)
  const args: CreateAdminArgs = {}
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--name') args.name = argv[(i += 1)]
    else if (argv[i].startsWith('--name=')) args.name = argv[i].slice('--name='.length)
    else if (args.email === undefined) args.email = argv[i]
  }
  return args
}

export class CreateAdminRefused extends Error {}

/** Twenty random characters: well past the twelve the password policy asks, and in no list. */
export const generatedPassword = () => crypto.randomBytes(15).toString('base64url')

export async function createAdmin(payload: Payload, args: CreateAdminArgs): Promise<{ email: string; name: string; password: string }> {
  const email = args.email?.trim().toLowerCase()
  if (!email) throw new CreateAdminRefused(FIRST_ADMIN_MESSAGES.usage)
  if (email.length > 254 || !EMAIL.test(email)) throw new CreateAdminRefused(FIRST_ADMIN_MESSAGES.malformed(args.email!))
  const name = (args.name ?? 'Quản trị').trim()
  if (name.length < 1 || name.length > 200) throw new CreateAdminRefused(FIRST_ADMIN_MESSAGES.badName)
  const existing = await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })
  if (existing.totalDocs > 0) throw new CreateAdminRefused(FIRST_ADMIN_MESSAGES.exists(email))
  const password = generatedPassword()
  await payload.create({ collection: 'users', data: { email, name, roles: ['admin'], password }, overrideAccess: true })
  return { email, name, password }
}
