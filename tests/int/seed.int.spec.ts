/** The demo content: a believable portal, loaded once, with logins that are never fixed. */
import { execFile } from 'node:child_process'

import type { Payload } from 'payload'

import { isDatabaseEmpty, seed } from '../../src/seed'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  // built by the migrations, as on a server: `npm run seed` must keep it one `npm start` accepts
  ctx = await createTestPayload({}, { migrated: true })
  payload = ctx.payload
}, 240_000)

/** `npm run seed -- …` against this file's database, as an operator would run it. */
const npmSeed = (...args: string[]) =>
  new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile('npm', ['run', '--silent', 'seed', '--', ...args], { env: { ...process.env, NODE_OPTIONS: '' }, timeout: 110_000 }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    ),
  )

afterAll(async () => ctx?.close())

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (['users', 'categories', 'authors', 'images', 'articles'] as const).map(async (collection) => [
        collection,
        (await payload.count({ collection })).totalDocs,
      ]),
    ),
  )

describe('demo content', () => {
  it('fills an empty database with published articles, images, authors and three accounts', async () => {
    expect(await isDatabaseEmpty(payload)).toBe(true)
    const { created, accounts } = await seed(payload)
    expect(created.articles).toBeGreaterThanOrEqual(6)
    expect(created.images).toBeGreaterThanOrEqual(6)
    expect(created.categories).toBeGreaterThanOrEqual(4)
    expect(accounts.map((a) => a.role).sort()).toEqual(['admin', 'editor', 'reporter'])
    expect(await isDatabaseEmpty(payload)).toBe(false)

    const { docs } = await payload.find({ collection: 'articles', overrideAccess: false, depth: 2, limit: 100 })
    expect(docs.length).toBe(created.articles - 1) // one demo article is a reporter's draft
    const flagship = docs.find((doc) => doc.title.startsWith('Thi đua, tạo đột phá'))!
    expect(flagship.byline).toBe('Theo Đài PT-TH tỉnh')
    expect(flagship.lead).toMatch(/^\(CTTĐT\) - /)
    const blocks = (flagship.body!.root.children as { type: string; fields?: { caption?: string; image?: { alt?: string } } }[]).filter(
      (node) => node.type === 'block',
    )
    expect(blocks.length).toBeGreaterThanOrEqual(2)
    for (const block of blocks) expect(block.fields?.image?.alt).toBeTruthy()
  })

  it('gives every account a random password that logs in', async () => {
    const again = await seed(payload, { newPasswords: true })
    const passwords = again.accounts.map((a) => a.password)
    expect(new Set(passwords).size).toBe(3)
    for (const account of again.accounts) {
      expect(account.password.length).toBeGreaterThanOrEqual(16)
      const login = await payload.login({ collection: 'users', data: { email: account.email, password: account.password } })
      expect(login.user.roles).toEqual([account.role])
    }
  })

  it('changes nothing when run again', async () => {
    const before = await counts()
    const { created, accounts } = await seed(payload)
    expect(created).toEqual({ users: 0, categories: 0, authors: 0, images: 0, articles: 0, globals: 0 })
    expect(accounts).toEqual([])
    expect(await counts()).toEqual(before)
  })

  it("npm start's seed step (--if-empty) leaves a database with content alone: a demo account deleted since is not made again", async () => {
    const { docs } = await payload.find({ collection: 'users', where: { roles: { contains: 'reporter' } }, limit: 1 })
    await payload.delete({ collection: 'users', id: docs[0].id })
    const before = await counts()
    const run = await npmSeed('--if-empty')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Cơ sở dữ liệu đã có nội dung: bỏ qua dữ liệu mẫu.')
    expect(await counts()).toEqual(before)
  })

  it('npm run seed -- --new-passwords prints a new password for each demo account, once, that logs in; npm start still accepts the database', async () => {
    const emails = (await payload.find({ collection: 'users', limit: 10, depth: 0 })).docs.map((user) => user.email).sort()
    const run = await npmSeed('--new-passwords')
    expect(run.code).toBe(0)
    const printed = [...run.stdout.matchAll(/^\s+(admin|editor|reporter)\s+(\S+@\S+)\s+(\S+)$/gm)].map((m) => ({ email: m[2], password: m[3] }))
    // the accounts deleted earlier are made again (counted as new), the others get new passwords
    expect(printed.map((p) => p.email).sort()).toEqual(expect.arrayContaining(emails))
    expect(printed).toHaveLength(3)
    for (const { email, password } of printed) {
      expect(password.length).toBeGreaterThanOrEqual(12)
      expect(run.stdout.split(password)).toHaveLength(2) // printed once
      const { user } = await payload.login({ collection: 'users', data: { email, password } })
      expect(user.email).toBe(email)
    }
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 1000, overrideAccess: true })
    expect(docs.filter((row) => row.name === 'dev' || row.batch === -1)).toEqual([])
  })
})
