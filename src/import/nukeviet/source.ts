/** Reading a NukeViet 4.5 database (MySQL or MariaDB) through mysql2; refusals in Vietnamese. */
import mysql from 'mysql2/promise'

export class ImportError extends Error {}

export type Row = Record<string, unknown>

export type Source = {
  pool: mysql.Pool
  prefix: string
  /** `nv4_vi_news_rows` for ('vi', 'rows') */
  table: (lang: string, name: string) => string
  rows: <T = Row>(sql: string, params?: unknown[]) => Promise<T[]>
  close: () => Promise<void>
}

const IDENT = /^[A-Za-z0-9_]{1,32}$/

/** Opens the DSN and checks it answers; every usual mistake becomes one clear sentence. */
export async function openSource(dsn: string, prefix: string): Promise<Source> {
  if (!IDENT.test(prefix)) throw new ImportError(`Tiền tố bảng "${prefix}" không hợp lệ (chỉ chữ, số và dấu gạch dưới).`)
  let url: URL
  try {
    url = new URL(dsn)
  } catch {
    throw new ImportError(`Địa chỉ --mysql không hợp lệ: cần dạng mysql://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:CỔNG/TÊN_CSDL.`)
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ImportError(`Địa chỉ --mysql phải bắt đầu bằng mysql:// (nhận được ${url.protocol}//).`)
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!database) throw new ImportError('Địa chỉ --mysql thiếu tên cơ sở dữ liệu (…/TÊN_CSDL).')
  const pool = mysql.createPool({
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    charset: 'utf8mb4',
    connectionLimit: 2,
    connectTimeout: 10_000,
    // NukeViet's times are Unix seconds; nothing here is a DATETIME, but keep the driver neutral
    timezone: 'Z',
    supportBigNumbers: true,
  })
  try {
    await pool.query('SELECT 1')
  } catch (error) {
    await pool.end().catch(() => {})
    const code = (error as { code?: string }).code
    const where = `${url.hostname}:${url.port || 3306}`
    if (code === 'ER_ACCESS_DENIED_ERROR') throw new ImportError(`MySQL từ chối đăng nhập của "${decodeURIComponent(url.username)}" tại ${where}: kiểm tra tên và mật khẩu.`)
    if (code === 'ER_BAD_DB_ERROR') throw new ImportError(`Không có cơ sở dữ liệu "${database}" trên ${where}.`)
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
      throw new ImportError(`Không kết nối được MySQL tại ${where} (${code}): máy chủ có đang chạy không?`)
    }
    throw new ImportError(`Không kết nối được MySQL tại ${where}: ${(error as Error).message}`)
  }
  return {
    pool,
    prefix,
    table: (lang, name) => {
      if (!IDENT.test(lang) || !IDENT.test(name)) throw new ImportError(`Tên bảng không hợp lệ: ${lang} ${name}`)
      return `\`${prefix}_${lang}_news_${name}\``
    },
    rows: async <T = Row>(sql: string, params: unknown[] = []) => {
      const [result] = await pool.query(sql, params)
      return result as T[]
    },
    close: () => pool.end(),
  }
}

const REQUIRED = ['rows', 'detail', 'cat', 'sources', 'tags', 'tags_id', 'author', 'authorlist', 'topics']

/** The languages whose news module is installed (`<prefix>_<lang>_news_rows` exists), checked whole. */
export async function findLanguages(source: Source, wanted?: string[]): Promise<string[]> {
  const tables = new Set(
    (await source.rows<Row>('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()')).map((r) => String(r.name)),
  )
  const installed = [...tables]
    .map((name) => new RegExp(`^${source.prefix}_([a-z]{2})_news_rows$`).exec(name)?.[1])
    .filter((lang): lang is string => Boolean(lang))
    .sort((a, b) => (a === 'vi' ? -1 : b === 'vi' ? 1 : a.localeCompare(b)))
  if (installed.length === 0) {
    throw new ImportError(`Không thấy bảng tin tức NukeViet nào (${source.prefix}_vi_news_rows…) trong cơ sở dữ liệu: sai tiền tố (--prefix) hay sai cơ sở dữ liệu?`)
  }
  const langs = wanted?.length ? wanted : installed
  for (const lang of langs) {
    if (!installed.includes(lang)) throw new ImportError(`Ngôn ngữ "${lang}" không có trong cơ sở dữ liệu NukeViet (có: ${installed.join(', ')}).`)
    const missing = REQUIRED.filter((name) => !tables.has(`${source.prefix}_${lang}_news_${name}`))
    if (missing.length) throw new ImportError(`Thiếu bảng NukeViet: ${missing.map((m) => `${source.prefix}_${lang}_news_${m}`).join(', ')}.`)
  }
  return langs
}
