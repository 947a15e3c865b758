/** Small builders for test data, created through the Local API with access overridden. */
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import type { Article, User } from '../../src/payload-types'
import { paragraph, richText } from '../../src/seed/lexical'

export type TestUser = User & { collection: 'users'; password: string }

export async function makeUser(payload: Payload, role: Role, name = role): Promise<TestUser> {
  const password = crypto.randomBytes(9).toString('base64url')
  const email = `${name}-${crypto.randomBytes(4).toString('hex')}@test.local`
  const user = await payload.create({
    collection: 'users',
    data: { email, name, roles: [role], password },
    overrideAccess: true,
  })
  return { ...user, collection: 'users', password }
}

export async function makeCategory(payload: Payload, name = 'Thời sự') {
  return payload.create({ collection: 'categories', data: { name }, overrideAccess: true })
}

export function articleData(category: number, overrides: Partial<Article> = {}) {
  return {
    title: `Bài viết thử ${crypto.randomBytes(3).toString('hex')}`,
    lead: '(CTTĐT) - Sapo của bài viết thử.',
    body: richText([paragraph('Nội dung bài viết thử.')]),
    byline: 'Theo Đài PT-TH tỉnh',
    primaryCategory: category,
    ...overrides,
  }
}
