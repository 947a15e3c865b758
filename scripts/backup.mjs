#!/usr/bin/env node
/**
 * `npm run backup [-- --out DIR]`, `npm run restore -- ARCHIVE [--yes]`, `npm run media:sweep [-- --delete]`
 * (src/backup/). Messages go to stderr; backup's last line on stdout is the archive's path.
 */
import os from 'node:os'

import { BackupError, createBackup, restoreBackup } from '../src/backup/backup.mjs'
import { deleteOrphans, sweepMedia } from '../src/backup/sweep.mjs'

const [command, ...args] = process.argv.slice(2)
const say = (line) => process.stderr.write(`${line}\n`)
const flag = (name) => args.includes(name)
const value = (name) => {
  const at = args.indexOf(name)
  if (at >= 0) return args[at + 1]
  const joined = args.find((a) => a.startsWith(`${name}=`))
  return joined?.slice(name.length + 1)
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

try {
  if (command === 'backup') {
    // the portal serves meanwhile: its readers go first when the two want the same core
    try {
      os.setPriority(10)
    } catch {}
    const out = value('--out')
    const { archive } = await createBackup({ ...(out ? { out } : {}), onProgress: say })
    process.stdout.write(`${archive}\n`)
  } else if (command === 'restore') {
    const archive = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out')
    if (!archive) throw new BackupError('Cách dùng: npm run restore -- TỆP.tar.gz [--yes]')
    await restoreBackup({ archive, yes: flag('--yes'), onProgress: say })
    say('✓ Đã khôi phục. Khởi động lại máy chủ (npm start).')
  } else if (command === 'media:sweep') {
    const found = await sweepMedia()
    for (const { name, size } of found.orphans) process.stdout.write(`tệp mồ côi: ${name} (${kb(size)})\n`)
    for (const { id, files } of found.missing) process.stdout.write(`ảnh #${id} thiếu tệp: ${files.join(', ')}\n`)
    const total = found.orphans.reduce((sum, o) => sum + o.size, 0)
    say(`${found.orphans.length} tệp không ảnh nào dùng (${kb(total)}) trong ${found.media}; ${found.missing.length} ảnh thiếu tệp.`)
    if (flag('--delete')) say(`Đã xóa ${await deleteOrphans(found)} tệp mồ côi.`)
    else if (found.orphans.length) say('Chạy lại với --delete để xóa các tệp mồ côi.')
  } else {
    throw new BackupError('Lệnh: backup | restore | media:sweep')
  }
  process.exit(0)
} catch (error) {
  say(error instanceof BackupError ? `✗ ${error.message}` : `✗ Lỗi: ${error?.stack ?? error}`)
  process.exit(1)
}
