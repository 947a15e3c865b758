import type { DemoAccount } from './index'

/** Prints the demo logins once; they are stored only as hashes. */
export function printAccounts(accounts: DemoAccount[]): void {
  if (accounts.length === 0) return
  console.log('\nTài khoản mẫu (mật khẩu chỉ in một lần, hãy lưu lại):')
  for (const account of accounts) {
    console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(30)} ${account.password}`)
  }
  console.log('Quên mật khẩu: npm run seed -- --new-passwords\n')
}
