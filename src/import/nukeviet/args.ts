/** `npm run import:nukeviet` arguments, checked before anything is opened. */
import fs from 'node:fs'

import { ImportError } from './source'

export type ImportArgs = { mysql: string; site: string; prefix: string; langs?: string[]; dryRun: boolean }

export const USAGE =
  'Cách dùng: npm run import:nukeviet -- --mysql mysql://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:CỔNG/TÊN_CSDL --site THƯ_MỤC [--prefix nv4] [--lang vi,en] [--dry-run]'

export function parseArgs(argv: string[]): ImportArgs {
  const values = new Map<string, string>()
  let dryRun = false
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]
    if (arg === '--dry-run') {
      dryRun = true
      continue
    }
    const eq = /^(--[a-z-]+)=(.*)$/.exec(arg)
    const name = eq ? eq[1] : arg
    if (!['--mysql', '--site', '--prefix', '--lang'].includes(name)) throw new ImportError(`Tham số không hiểu: ${arg}\n${USAGE}`)
    const value = eq ? eq[2] : argv[(i += 1)]
    if (value === undefined || value.startsWith('--')) throw new ImportError(`Thiếu giá trị cho ${name}.\n${USAGE}`)
    values.set(name, value)
  }
  const mysql = values.get('--mysql')
  const site = values.get('--site')
  if (!mysql) throw new ImportError(`Thiếu --mysql (cơ sở dữ liệu NukeViet).\n${USAGE}`)
  if (!site) throw new ImportError(`Thiếu --site (thư mục gốc của trang NukeViet, chứa uploads/).\n${USAGE}`)
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) throw new ImportError(`Không thấy thư mục --site "${site}".`)
  const langs = values.get('--lang')?.split(',').map((l) => l.trim()).filter(Boolean)
  if (langs?.some((l) => !/^[a-z]{2}$/.test(l))) throw new ImportError(`--lang là các mã ngôn ngữ hai chữ cách nhau bởi dấu phẩy, ví dụ vi,en.`)
  return { mysql, site, prefix: values.get('--prefix') ?? 'nv4', langs, dryRun }
}
