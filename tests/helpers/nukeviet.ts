/**
 * A NukeViet 4.5 news module in MariaDB for the importer's tests: a database of its own (dropped
 * afterwards), the tables shaped as NukeViet creates them (../shared/reference/nukeviet/schema.sql,
 * the columns the importer reads), and rows added with NukeViet's own escaping already applied.
 */
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import mysql from 'mysql2/promise'
import sharp from 'sharp'

export const MARIADB = process.env.NUKEVIET_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306'

const ROWS_COLUMNS = `
  id int(11) unsigned NOT NULL AUTO_INCREMENT, catid smallint(5) unsigned NOT NULL DEFAULT 0,
  listcatid varchar(255) NOT NULL DEFAULT '', topicid smallint(5) unsigned NOT NULL DEFAULT 0,
  admin_id mediumint(8) unsigned NOT NULL DEFAULT 0, author varchar(250) DEFAULT '',
  sourceid mediumint(8) NOT NULL DEFAULT 0, addtime int(11) unsigned NOT NULL DEFAULT 0,
  edittime int(11) unsigned NOT NULL DEFAULT 0, status tinyint(4) NOT NULL DEFAULT 1,
  weight int(11) unsigned NOT NULL DEFAULT 0, publtime int(11) unsigned NOT NULL DEFAULT 0,
  exptime int(11) unsigned NOT NULL DEFAULT 0, archive tinyint(1) unsigned NOT NULL DEFAULT 0,
  title varchar(250) NOT NULL DEFAULT '', alias varchar(250) NOT NULL DEFAULT '', hometext text NOT NULL,
  homeimgfile varchar(255) DEFAULT '', homeimgalt varchar(255) DEFAULT '', homeimgthumb tinyint(4) NOT NULL DEFAULT 0,
  inhome tinyint(1) unsigned NOT NULL DEFAULT 0, allowed_comm varchar(255) DEFAULT '',
  allowed_rating tinyint(1) unsigned NOT NULL DEFAULT 0, external_link tinyint(1) unsigned NOT NULL DEFAULT 0,
  hitstotal mediumint(8) unsigned NOT NULL DEFAULT 0, hitscm mediumint(8) unsigned NOT NULL DEFAULT 0,
  total_rating int(11) NOT NULL DEFAULT 0, click_rating int(11) NOT NULL DEFAULT 0, PRIMARY KEY (id)`

const TABLES: Record<string, string> = {
  rows: ROWS_COLUMNS,
  detail: `id int(11) unsigned NOT NULL, titlesite varchar(255) NOT NULL DEFAULT '', description text NOT NULL,
    bodyhtml longtext NOT NULL, keywords varchar(255) DEFAULT '', sourcetext varchar(255) DEFAULT '',
    imgposition tinyint(1) NOT NULL DEFAULT 1, PRIMARY KEY (id)`,
  cat: `catid smallint(5) unsigned NOT NULL AUTO_INCREMENT, parentid smallint(5) unsigned NOT NULL DEFAULT 0,
    title varchar(250) NOT NULL, alias varchar(250) NOT NULL DEFAULT '', weight smallint(5) unsigned NOT NULL DEFAULT 0,
    sort smallint(5) NOT NULL DEFAULT 0, lev smallint(5) NOT NULL DEFAULT 0, status smallint(4) NOT NULL DEFAULT 1, PRIMARY KEY (catid)`,
  sources: `sourceid mediumint(8) unsigned NOT NULL AUTO_INCREMENT, title varchar(250) NOT NULL DEFAULT '',
    link varchar(255) DEFAULT '', weight mediumint(8) unsigned NOT NULL DEFAULT 0, PRIMARY KEY (sourceid)`,
  tags: `tid mediumint(8) unsigned NOT NULL AUTO_INCREMENT, numnews mediumint(8) NOT NULL DEFAULT 0,
    title varchar(250) NOT NULL DEFAULT '', alias varchar(250) NOT NULL DEFAULT '', keywords varchar(255) DEFAULT '', PRIMARY KEY (tid)`,
  tags_id: `id int(11) NOT NULL, tid mediumint(9) NOT NULL, keyword varchar(65) NOT NULL`,
  author: `id mediumint(8) unsigned NOT NULL AUTO_INCREMENT, uid int(11) unsigned NOT NULL, alias varchar(100) NOT NULL DEFAULT '',
    pseudonym varchar(100) NOT NULL DEFAULT '', active tinyint(1) unsigned NOT NULL DEFAULT 1, PRIMARY KEY (id)`,
  authorlist: `id int(11) NOT NULL, aid mediumint(8) NOT NULL, alias varchar(100) NOT NULL DEFAULT '', pseudonym varchar(100) NOT NULL DEFAULT ''`,
  topics: `topicid smallint(5) unsigned NOT NULL AUTO_INCREMENT, title varchar(250) NOT NULL DEFAULT '',
    alias varchar(250) NOT NULL DEFAULT '', weight smallint(5) NOT NULL DEFAULT 0, PRIMARY KEY (topicid)`,
}

export type NvArticle = {
  id: number
  catid: number
  listcatid?: string
  title: string
  alias: string
  status: number
  publtime: number
  exptime?: number
  edittime?: number
  hometext?: string
  bodyhtml?: string
  author?: string
  sourceid?: number
  sourcetext?: string
  external_link?: number
  homeimgfile?: string
  homeimgalt?: string
  /** 0 hero not on the page, 1 small left of the lead, 2 large under it (NukeViet's default here) */
  imgposition?: number
  keywords?: string
  topicid?: number
  tags?: string[]
  penIds?: number[]
}

export type NukeVietFixture = {
  dsn: string
  db: mysql.Connection
  site: string
  prefix: string
  createLanguage: (lang: string) => Promise<void>
  insert: (lang: string, table: string, row: Record<string, unknown>) => Promise<void>
  addArticle: (lang: string, article: NvArticle) => Promise<void>
  /** a JPEG of width × height under site/uploads/news/<rel> */
  addPicture: (rel: string, width?: number, height?: number) => Promise<void>
  drop: () => Promise<void>
}

export async function createNukeViet(prefix = 'nv4'): Promise<NukeVietFixture> {
  const name = `nvtest_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  const server = await mysql.createConnection(`${MARIADB}/?charset=utf8mb4`)
  await server.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  await server.end()
  const dsn = `${MARIADB}/${name}`
  const db = await mysql.createConnection(`${dsn}?charset=utf8mb4`)
  const site = await fs.mkdtemp(path.join(os.tmpdir(), 'nukeviet-site-'))
  await fs.mkdir(path.join(site, 'uploads', 'news'), { recursive: true })
  const insert = async (lang: string, table: string, row: Record<string, unknown>) => {
    const t = `${prefix}_${lang}_news_${table}`
    await db.query(`INSERT INTO \`${t}\` SET ?`, [row])
  }
  return {
    dsn,
    db,
    site,
    prefix,
    insert,
    createLanguage: async (lang) => {
      for (const [table, columns] of Object.entries(TABLES)) {
        await db.query(`CREATE TABLE \`${prefix}_${lang}_news_${table}\` (${columns}) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`)
      }
    },
    addArticle: async (lang, a) => {
      const row = {
        id: a.id,
        catid: a.catid,
        listcatid: a.listcatid ?? String(a.catid),
        topicid: a.topicid ?? 0,
        author: a.author ?? '',
        sourceid: a.sourceid ?? 0,
        addtime: a.publtime,
        // saved before now (a scheduled article was saved before its publication time)
        edittime: a.edittime ?? Math.min(a.publtime, Math.floor(Date.now() / 1000) - 60),
        status: a.status,
        publtime: a.publtime,
        exptime: a.exptime ?? 0,
        title: a.title,
        alias: a.alias,
        hometext: a.hometext ?? '',
        homeimgfile: a.homeimgfile ?? '',
        homeimgalt: a.homeimgalt ?? '',
        homeimgthumb: a.homeimgfile ? 1 : 0,
        allowed_rating: 1,
        external_link: a.external_link ?? 0,
      }
      await insert(lang, 'rows', row)
      // NukeViet's per-category copies: the importer must read `rows` only, never these
      for (const catid of row.listcatid.split(',')) {
        const copy = `${prefix}_${lang}_news_${catid.trim()}`
        await db.query(`CREATE TABLE IF NOT EXISTS \`${copy}\` (${ROWS_COLUMNS}) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4`)
        await db.query(`INSERT INTO \`${copy}\` SET ?`, [row])
      }
      await insert(lang, 'detail', {
        id: a.id,
        description: '',
        bodyhtml: a.bodyhtml ?? '',
        keywords: a.keywords ?? '',
        sourcetext: a.sourcetext ?? '',
        imgposition: a.imgposition ?? 2,
      })
      for (const keyword of a.tags ?? []) await insert(lang, 'tags_id', { id: a.id, tid: 0, keyword })
      for (const aid of a.penIds ?? []) await insert(lang, 'authorlist', { id: a.id, aid, alias: '', pseudonym: '' })
    },
    addPicture: async (rel, width = 120, height = 80) => {
      const file = path.join(site, 'uploads', 'news', rel)
      await fs.mkdir(path.dirname(file), { recursive: true })
      await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } }).jpeg().toFile(file)
    },
    drop: async () => {
      await db.end().catch(() => {})
      const admin = await mysql.createConnection(MARIADB)
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      await admin.end()
      await fs.rm(site, { recursive: true, force: true })
    },
  }
}
