import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`stats_imported\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`source\` text NOT NULL,
  	\`period\` text NOT NULL,
  	\`bucket\` text NOT NULL,
  	\`visits\` numeric DEFAULT 0
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`stats_imported_key_idx\` ON \`stats_imported\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`stats_imported_bucket_idx\` ON \`stats_imported\` (\`bucket\`);`)
  await db.run(sql`CREATE INDEX \`period_bucket_idx\` ON \`stats_imported\` (\`period\`,\`bucket\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`view_base\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`rating_base_total\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`rating_base_count\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_view_base\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_rating_base_total\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_rating_base_count\` numeric DEFAULT 0;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`stats_imported\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`view_base\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`rating_base_total\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`rating_base_count\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_view_base\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_rating_base_total\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_rating_base_count\`;`)
}
