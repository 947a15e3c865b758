import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_note\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`updated_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`articles_review_status_idx\` ON \`articles\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`articles_submitted_at_idx\` ON \`articles\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_by_idx\` ON \`articles\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_updated_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_review_status_idx\` ON \`_articles_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_submitted_at_idx\` ON \`_articles_v\` (\`version_submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_by_idx\` ON \`_articles_v\` (\`version_updated_by_id\`);`)
  // An article that ever went live keeps the time it first did (its oldest published version, else
  // its publication date): a reporter may delete only drafts that never were published.
  await db.run(sql`UPDATE \`articles\` SET \`first_published_at\` = COALESCE(
    (SELECT MIN(v.\`updated_at\`) FROM \`_articles_v\` v WHERE v.\`parent_id\` = \`articles\`.\`id\` AND v.\`version__status\` = 'published'),
    \`published_at\`, \`updated_at\`)
    WHERE \`_status\` = 'published'
       OR \`id\` IN (SELECT \`parent_id\` FROM \`_articles_v\` WHERE \`version__status\` = 'published');`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_first_published_at\` =
    (SELECT a.\`first_published_at\` FROM \`articles\` a WHERE a.\`id\` = \`_articles_v\`.\`parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`hero_image_id\` integer,
  	\`primary_category_id\` integer,
  	\`published_at\` text,
  	\`expires_at\` text,
  	\`allow_rating\` integer DEFAULT true,
  	\`view_count\` numeric DEFAULT 0,
  	\`rating_total\` numeric DEFAULT 0,
  	\`rating_count\` numeric DEFAULT 0,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`primary_category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "slug", "hero_image_id", "primary_category_id", "published_at", "expires_at", "allow_rating", "view_count", "rating_total", "rating_count", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "slug", "hero_image_id", "primary_category_id", "published_at", "expires_at", "allow_rating", "view_count", "rating_total", "rating_count", "created_by_id", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_hero_image_idx\` ON \`articles\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_primary_category_idx\` ON \`articles\` (\`primary_category_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_expires_at_idx\` ON \`articles\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_hero_image_id\` integer,
  	\`version_primary_category_id\` integer,
  	\`version_published_at\` text,
  	\`version_expires_at\` text,
  	\`version_allow_rating\` integer DEFAULT true,
  	\`version_view_count\` numeric DEFAULT 0,
  	\`version_rating_total\` numeric DEFAULT 0,
  	\`version_rating_count\` numeric DEFAULT 0,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_primary_category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_slug", "version_hero_image_id", "version_primary_category_id", "version_published_at", "version_expires_at", "version_allow_rating", "version_view_count", "version_rating_total", "version_rating_count", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_slug", "version_hero_image_id", "version_primary_category_id", "version_published_at", "version_expires_at", "version_allow_rating", "version_view_count", "version_rating_total", "version_rating_count", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_hero_image_idx\` ON \`_articles_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_primary_category_idx\` ON \`_articles_v\` (\`version_primary_category_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_expires_at_idx\` ON \`_articles_v\` (\`version_expires_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_snapshot_idx\` ON \`_articles_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_published_locale_idx\` ON \`_articles_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
}
