/**
 * The first admin is made on the server (`npm run create-admin`), never by the first visitor:
 * Payload's public first-register is refused even on a portal with no account, and the admin's
 * first screen says how to make one.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'

import type { Payload } from 'payload'
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { FirstAdmin } from '../../src/components/admin/FirstAdmin'
import { FIRST_ADMIN_MESSAGES } from '../../src/security/firstAdmin'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  // a database built by the migrations, as on a real server: the command migrates it again first
  // (a no-op) and must leave it as `npm start` expects it (no schema push, no dev row)
  ctx = await createTestPayload({}, { migrated: true })
  payload = ctx.payload
}, 240_000)

afterAll(async () => ctx?.close())

const userCount = async () => (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs

/** `npm run create-admin -- …` against this file's database, as an operator would run it. */
function createAdmin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'create-admin', '--', ...args],
      { env: { ...process.env, NODE_OPTIONS: '' }, timeout: 110_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

describe('the first admin', () => {
  it('first-register answers 403 on a portal with no account, and creates nothing', async () => {
    expect(await userCount()).toBe(0)
    const response = await restClient(ctx.config).request('POST', '/users/first-register', {
      json: { email: 'ke-den-truoc@example.com', password: 'mot-mat-khau-dai-123', name: 'Ai đó' },
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ errors: [{ message: FIRST_ADMIN_MESSAGES.firstRegister }] })
    expect(await userCount()).toBe(0)
  })

  it("the admin's first screen, while no account exists, says how to create one (also with Docker)", async () => {
    const views = ctx.config.admin.components?.views as Record<string, { Component?: unknown }>
    expect(views.createFirstUser?.Component).toBe('/src/components/admin/FirstAdmin#FirstAdmin')
    const html = renderToStaticMarkup(React.createElement(FirstAdmin))
    expect(html).toContain('npm run create-admin -- email@co-quan.gov.vn --name &quot;Họ và tên&quot;')
    expect(html).toContain('docker compose exec app1 npm run create-admin -- email@co-quan.gov.vn')
    expect(html).not.toContain('<form')
    // the service named there is the compose file's
    expect(fs.readFileSync('docker-compose.yml', 'utf8')).toMatch(/^ {2}app1:/m)
  })

  it('npm run create-admin makes an admin and prints a password, once, that logs in', async () => {
    const run = await createAdmin('Quan.Tri@So-TTTT.gov.vn', '--name', 'Nguyễn Văn Quản')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    const password = /Mật khẩu:\s+(\S+)/.exec(run.stdout)?.[1]
    expect(password?.length).toBeGreaterThanOrEqual(12)
    const { user } = await payload.login({ collection: 'users', data: { email: 'quan.tri@so-tttt.gov.vn', password: password! } })
    expect(user).toMatchObject({ email: 'quan.tri@so-tttt.gov.vn', name: 'Nguyễn Văn Quản', roles: ['admin'] })
    expect(run.stdout.match(new RegExp(password!, 'g'))).toHaveLength(1)
    // the database is still one `npm start` accepts: no dev-mode row from a schema push
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 1000, overrideAccess: true })
    expect(docs.filter((row) => row.name === 'dev' || row.batch === -1)).toEqual([])
  })

  it.each([
    ['an e-mail already taken', ['quan.tri@so-tttt.gov.vn'], FIRST_ADMIN_MESSAGES.exists('quan.tri@so-tttt.gov.vn')],
    ['a malformed e-mail', ['khong-phai-email', '--name', 'A'], FIRST_ADMIN_MESSAGES.malformed('khong-phai-email')],
    ['no e-mail at all', [], FIRST_ADMIN_MESSAGES.usage],
  ])('npm run create-admin refuses %s with exit code 1, and creates nothing', async (_, args, message) => {
    const before = await userCount()
    const run = await createAdmin(...args)
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toBe(`✗ ${message}`)
    expect(run.stdout).not.toMatch(/Mật khẩu/)
    expect(await userCount()).toBe(before)
  })
})
