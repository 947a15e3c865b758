/**
 * `npm run seed` (payload run): loads demo content. Flags: --if-empty (only on a database with no
 * content and no accounts, as `npm start` uses it), --new-passwords (new demo passwords).
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { isDatabaseEmpty, seed } from './index'
import { printAccounts } from './print'

// Fails unless the script reaches its end: a stalled import must not pass for a finished seed.
process.exitCode = 1
const args = new Set(process.argv.slice(2))
const payload = await getPayload({ config })
try {
  if (args.has('--if-empty') && !(await isDatabaseEmpty(payload))) {
    console.log('Cơ sở dữ liệu đã có nội dung: bỏ qua dữ liệu mẫu.')
  } else {
    console.log('Đang tạo dữ liệu mẫu...')
    const { created, accounts } = await seed(payload, { newPasswords: args.has('--new-passwords') })
    console.log(
      `Dữ liệu mẫu: ${created.articles} bài viết, ${created.images} ảnh, ${created.categories} chuyên mục, ` +
        `${created.authors} tác giả, ${created.users} tài khoản mới, ${created.globals} mục cấu hình.`,
    )
    printAccounts(accounts)
  }
} finally {
  await payload.destroy()
}
process.exit(0)
