import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`hero_position\` text DEFAULT 'large';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_hero_position\` text DEFAULT 'large';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`hero_position\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_hero_position\`;`)
}
