/**
 * Demo content for a fresh portal. Idempotent: what exists (matched by slug, filename or email)
 * is left as it is, so running it twice changes nothing. Demo accounts get random passwords,
 * returned once to be printed; `newPasswords` gives the existing demo accounts fresh ones.
 */
import crypto from 'node:crypto'

import type { CollectionSlug, Payload } from 'payload'

import type { Role } from '../access/roles'
import { articles, authors, categories, images, serviceLinks, site } from './content'
import { drawBanner, drawIllustration } from './images'
import { imageWithCaption, paragraph, richText } from './lexical'

export type DemoAccount = { email: string; password: string; role: Role; name: string }

export type SeedResult = {
  created: Record<'users' | 'categories' | 'authors' | 'images' | 'articles' | 'globals', number>
  accounts: DemoAccount[]
}

const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'quantri@congthongtin.local', name: 'Quản trị viên', role: 'admin' },
  { email: 'bientap@congthongtin.local', name: 'Biên tập viên', role: 'editor' },
  { email: 'phongvien@congthongtin.local', name: 'Phóng viên', role: 'reporter' },
]

const randomPassword = () => crypto.randomBytes(12).toString('base64url')

async function findId(payload: Payload, collection: CollectionSlug, field: string, value: string) {
  const { docs } = await payload.find({
    collection,
    where: { [field]: { equals: value } },
    limit: 1,
    depth: 0,
    draft: true,
    overrideAccess: true,
    pagination: false,
  })
  return docs[0]?.id as number | string | undefined
}

/** True when the database holds no content and no accounts: a first start. */
export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [users, articleCount] = await Promise.all([
    payload.count({ collection: 'users', overrideAccess: true }),
    payload.count({ collection: 'articles', overrideAccess: true }),
  ])
  return users.totalDocs === 0 && articleCount.totalDocs === 0
}

export async function seed(
  payload: Payload,
  { newPasswords = false, now = new Date() }: { newPasswords?: boolean; now?: Date } = {},
): Promise<SeedResult> {
  const created: SeedResult['created'] = { users: 0, categories: 0, authors: 0, images: 0, articles: 0, globals: 0 }
  const accounts: DemoAccount[] = []
  const userIds: Record<string, number | string> = {}

  for (const user of DEMO_USERS) {
    const existing = await findId(payload, 'users', 'email', user.email)
    if (existing !== undefined && !newPasswords) {
      userIds[user.role] = existing
      continue
    }
    const password = randomPassword()
    if (existing !== undefined) {
      await payload.update({ collection: 'users', id: existing, data: { password }, overrideAccess: true })
      userIds[user.role] = existing
    } else {
      const doc = await payload.create({
        collection: 'users',
        data: { email: user.email, name: user.name, roles: [user.role], password },
        overrideAccess: true,
      })
      userIds[user.role] = doc.id
      created.users += 1
    }
    accounts.push({ ...user, password })
  }

  const categoryIds: Record<string, number | string> = {}
  for (const category of categories) {
    let id = await findId(payload, 'categories', 'slug', category.slug)
    if (id === undefined) {
      const doc = await payload.create({
        collection: 'categories',
        data: { name: category.name, slug: category.slug, order: category.order },
        locale: 'vi',
        overrideAccess: true,
      })
      await payload.update({
        collection: 'categories',
        id: doc.id,
        data: { name: category.nameEn },
        locale: 'en',
        overrideAccess: true,
      })
      id = doc.id
      created.categories += 1
    }
    categoryIds[category.slug] = id
  }

  const imageIds: Record<string, number | string> = {}
  for (const [index, image] of images.entries()) {
    let id = await findId(payload, 'images', 'filename', image.filename)
    if (id === undefined) {
      const data = await drawIllustration(image.palette, index + 3)
      const doc = await payload.create({
        collection: 'images',
        data: { alt: image.alt, caption: image.caption, credit: 'Ảnh minh họa' },
        file: { data, mimetype: 'image/jpeg', name: image.filename, size: data.length },
        overrideAccess: true,
      })
      id = doc.id
      created.images += 1
    }
    imageIds[image.filename] = id
  }

  const authorIds: Record<string, number | string> = {}
  for (const [index, author] of authors.entries()) {
    let id = await findId(payload, 'authors', 'slug', author.slug)
    if (id === undefined) {
      const doc = await payload.create({
        collection: 'authors',
        data: { ...author, photo: imageIds[images[index].filename] as number },
        overrideAccess: true,
      })
      id = doc.id
      created.authors += 1
    }
    authorIds[author.slug] = id
  }

  for (const article of articles) {
    if ((await findId(payload, 'articles', 'slug', article.slug)) !== undefined) continue
    const status = article.status ?? 'published'
    const body = richText(
      article.body.map((part) =>
        'p' in part ? paragraph(part.p) : imageWithCaption(imageIds[part.image], part.caption ?? ''),
      ),
    )
    const doc = await payload.create({
      collection: 'articles',
      locale: 'vi',
      draft: status === 'draft',
      overrideAccess: true,
      data: {
        _status: status,
        title: article.title,
        slug: article.slug,
        lead: article.lead,
        heroImage: imageIds[article.hero] as number,
        heroCaption: article.heroCaption,
        body,
        byline: article.byline,
        authors: article.author ? [authorIds[article.author] as number] : [],
        primaryCategory: categoryIds[article.category] as number,
        categories: (article.otherCategories ?? []).map((slug) => categoryIds[slug] as number),
        tags: article.tags,
        publishedAt: status === 'published' ? new Date(now.getTime() - article.hoursAgo * 3600_000).toISOString() : undefined,
        createdBy: (status === 'draft' ? userIds.reporter : userIds.editor) as number,
      },
    })
    if (article.en) {
      await payload.update({
        collection: 'articles',
        id: doc.id,
        locale: 'en',
        overrideAccess: true,
        data: {
          title: article.en.title,
          lead: article.en.lead,
          body: richText(article.en.body.map(paragraph)),
        },
      })
    }
    created.articles += 1
  }

  created.globals = (await seedSite(payload)) + (await seedServiceLinks(payload))
  return { created, accounts }
}

/** The agency's details, unless an administrator already filled them in. */
async function seedSite(payload: Payload): Promise<number> {
  const current = await payload.findGlobal({ slug: 'site', depth: 0 })
  if (current.portalName) return 0
  const { portalNameEn, agencyNameEn, addressEn, ...vi } = site
  await payload.updateGlobal({ slug: 'site', locale: 'vi', data: vi })
  await payload.updateGlobal({ slug: 'site', locale: 'en', data: { portalName: portalNameEn, agencyName: agencyNameEn, address: addressEn } })
  return 1
}

/** The sidebar's link groups with banners drawn locally, unless editors already set some. */
async function seedServiceLinks(payload: Payload): Promise<number> {
  const current = await payload.findGlobal({ slug: 'service-links', depth: 0 })
  if ((current.groups ?? []).length > 0) return 0
  const groups = []
  for (const [g, group] of serviceLinks.entries()) {
    const links = []
    for (const [i, link] of group.links.entries()) {
      let banner: number | undefined
      if ('banner' in link) {
        const filename = `banner-${g}-${i}.png`
        banner = (await findId(payload, 'images', 'filename', filename)) as number | undefined
        if (banner === undefined) {
          const data = await drawBanner(link.banner[0], link.banner[1], i + 1)
          const doc = await payload.create({
            collection: 'images',
            data: { alt: link.title, credit: 'Ảnh minh họa' },
            file: { data, mimetype: 'image/png', name: filename, size: data.length },
            overrideAccess: true,
          })
          banner = doc.id
        }
      }
      links.push({ title: link.title, url: link.url, newTab: true, ...(banner ? { banner } : {}) })
    }
    groups.push({ title: group.title, links })
  }
  const saved = await payload.updateGlobal({ slug: 'service-links', locale: 'vi', data: { groups } })
  // English titles for the group that has one; link names are proper names, kept as they are
  await payload.updateGlobal({
    slug: 'service-links',
    locale: 'en',
    data: {
      groups: (saved.groups ?? []).map((group, g) => ({
        ...group,
        title: 'titleEn' in serviceLinks[g] ? serviceLinks[g].titleEn : group.title,
      })),
    },
  })
  return 1
}
