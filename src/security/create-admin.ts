/**
 * `npm run create-admin -- EMAIL [--name "…"]` (payload run): makes an admin account and prints its
 * generated password once; it is stored only as a hash. Refuses a malformed or taken e-mail (exit 1).
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { createAdmin, CreateAdminRefused, parseCreateAdminArgs } from './firstAdmin'

// Fails unless the script reaches its end: a stalled import must not pass for a made account.
process.exitCode = 1
const payload = await getPayload({ config })
let code = 1
try {
  const admin = await createAdmin(payload, parseCreateAdminArgs(process.argv.slice(2)))
  console.log(
    [
      '',
      'Đã tạo tài khoản quản trị (mật khẩu chỉ in một lần, hãy lưu lại):',
      `  E-mail:    ${admin.email}`,
      `  Họ và tên: ${admin.name}`,
      `  Mật khẩu:  ${admin.password}`,
      'Đăng nhập tại /admin; đổi mật khẩu trong "Tài khoản" nếu muốn.',
      '',
    ].join('\n'),
  )
  code = 0
} catch (error) {
  if (!(error instanceof CreateAdminRefused)) throw error
  console.error(`✗ ${error.message}`)
} finally {
  await payload.destroy()
}
process.exit(code)
