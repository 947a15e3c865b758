/**
 * A small tar.gz writer and reader (POSIX ustar, regular files only): what a backup needs and no
 * more. The `tar` npm package would do (it is BlueOak-licensed with five dependencies); this keeps
 * the archive format in 100 lines of Node's own zlib and streams.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'

const BLOCK = 512

function octal(value, length) {
  return value.toString(8).padStart(length - 1, '0') + '\0'
}

/** One ustar header; names over 100 bytes go in the 155-byte prefix (split at a slash). */
function header(name, size, mtime) {
  const block = Buffer.alloc(BLOCK)
  let prefix = ''
  let base = name
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155)
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`Tên tệp quá dài cho kho lưu trữ: ${name}`)
    prefix = name.slice(0, cut)
    base = name.slice(cut + 1)
  }
  block.write(base, 0, 100, 'utf8')
  block.write(octal(0o644, 8), 100, 'ascii')
  block.write(octal(0, 8), 108, 'ascii')
  block.write(octal(0, 8), 116, 'ascii')
  block.write(octal(size, 12), 124, 'ascii')
  block.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii')
  block.write('        ', 148, 'ascii')
  block.write('0', 156, 'ascii')
  block.write('ustar\0', 257, 'ascii')
  block.write('00', 263, 'ascii')
  block.write(prefix, 345, 155, 'utf8')
  let sum = 0
  for (const byte of block) sum += byte
  block.write(octal(sum, 7) + ' ', 148, 'ascii')
  return block
}

/**
 * Writes `archive` (gzip) with `entries`: { name, file } (a path on disk, streamed) or { name, data }.
 * `onFile(name, size)` is called as each one is written.
 */
export async function writeTarGz(archive, entries, onFile = () => {}) {
  async function* blocks() {
    for (const entry of entries) {
      const size = entry.data ? entry.data.length : (await fs.promises.stat(entry.file)).size
      onFile(entry.name, size)
      yield header(entry.name, size, Date.now())
      let written = 0
      if (entry.data) {
        yield entry.data
        written = entry.data.length
      } else {
        for await (const chunk of fs.createReadStream(entry.file)) {
          written += chunk.length
          yield chunk
        }
      }
      if (written !== size) throw new Error(`Tệp ${entry.name} thay đổi kích thước trong lúc sao lưu.`)
      if (size % BLOCK) yield Buffer.alloc(BLOCK - (size % BLOCK))
    }
    yield Buffer.alloc(BLOCK * 2)
  }
  await pipeline(blocks, zlib.createGzip({ level: 6 }), fs.createWriteStream(archive, { mode: 0o600 }))
}

/** Extracts `archive` into `dir` (which must exist); returns the names written. Refuses paths out of `dir`. */
export async function extractTarGz(archive, dir) {
  const names = []
  let pending = Buffer.alloc(0)
  let current = null // { out, remaining, padding }
  const root = path.resolve(dir)

  async function consume(chunk) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
    while (true) {
      if (current) {
        if (current.remaining > 0) {
          if (!pending.length) return
          const part = pending.subarray(0, Math.min(current.remaining, pending.length))
          pending = pending.subarray(part.length)
          current.remaining -= part.length
          if (!current.out.write(part)) await new Promise((resolve) => current.out.once('drain', resolve))
          continue
        }
        if (pending.length < current.padding) return
        pending = pending.subarray(current.padding)
        await new Promise((resolve, reject) => current.out.end((error) => (error ? reject(error) : resolve())))
        current = null
        continue
      }
      if (pending.length < BLOCK) return
      const block = pending.subarray(0, BLOCK)
      pending = pending.subarray(BLOCK)
      if (block.every((byte) => byte === 0)) continue
      const field = (start, length) => block.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '')
      const prefix = field(345, 155)
      const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)
      const size = parseInt(field(124, 12).trim() || '0', 8)
      const type = field(156, 1) || '0'
      if (type !== '0') throw new Error(`Kho lưu trữ có mục không phải tệp thường: ${name}`)
      const target = path.resolve(root, name)
      if (!target.startsWith(root + path.sep)) throw new Error(`Kho lưu trữ có đường dẫn ra ngoài thư mục: ${name}`)
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      names.push(name)
      current = { out: fs.createWriteStream(target, { mode: 0o600 }), remaining: size, padding: size % BLOCK ? BLOCK - (size % BLOCK) : 0 }
    }
  }

  const input = fs.createReadStream(archive).pipe(zlib.createGunzip())
  for await (const chunk of input) await consume(chunk)
  if (current) throw new Error('Kho lưu trữ bị cắt cụt.')
  return names
}
