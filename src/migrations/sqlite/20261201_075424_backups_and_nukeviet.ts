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
  await db.run(sql`CREATE TABLE \`redirects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`source\` text DEFAULT 'manual' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`redirects_from_idx\` ON \`redirects\` (\`from\`);`)
  await db.run(sql`CREATE INDEX \`redirects_updated_at_idx\` ON \`redirects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`redirects_created_at_idx\` ON \`redirects\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`backups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slot\` text NOT NULL,
  	\`trigger\` text NOT NULL,
  	\`requested_by_id\` integer,
  	\`status\` text NOT NULL,
  	\`started_at\` text NOT NULL,
  	\`finished_at\` text,
  	\`duration_ms\` numeric,
  	\`archive\` text,
  	\`size\` numeric,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`backups_slot_idx\` ON \`backups\` (\`slot\`);`)
  await db.run(sql`CREATE INDEX \`backups_requested_by_idx\` ON \`backups\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`backups_status_idx\` ON \`backups\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`backups_started_at_idx\` ON \`backups\` (\`started_at\`);`)
  await db.run(sql`CREATE INDEX \`backups_updated_at_idx\` ON \`backups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`backups_created_at_idx\` ON \`backups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`view_base\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`rating_base_total\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`rating_base_count\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`nukeviet_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_nukeviet_key_idx\` ON \`articles\` (\`nukeviet_key\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_view_base\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_rating_base_total\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_rating_base_count\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_nukeviet_key\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_nukeviet_key_idx\` ON \`_articles_v\` (\`version_nukeviet_key\`);`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`nukeviet_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`images_nukeviet_key_idx\` ON \`images\` (\`nukeviet_key\`);`)
  await db.run(sql`ALTER TABLE \`authors\` ADD \`nukeviet_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`authors_nukeviet_key_idx\` ON \`authors\` (\`nukeviet_key\`);`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`nukeviet_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`categories_nukeviet_key_idx\` ON \`categories\` (\`nukeviet_key\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`redirects_id\` integer REFERENCES redirects(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`stats_imported\`;`)
  await db.run(sql`DROP TABLE \`redirects\`;`)
  await db.run(sql`DROP TABLE \`backups\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`images_id\` integer,
  	\`authors_id\` integer,
  	\`categories_id\` integer,
  	\`ratings_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`images_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ratings_id\`) REFERENCES \`ratings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "images_id", "authors_id", "categories_id", "ratings_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "images_id", "authors_id", "categories_id", "ratings_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_images_id_idx\` ON \`payload_locked_documents_rels\` (\`images_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ratings_id_idx\` ON \`payload_locked_documents_rels\` (\`ratings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`articles_nukeviet_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`view_base\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`rating_base_total\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`rating_base_count\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`nukeviet_key\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_nukeviet_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_view_base\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_rating_base_total\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_rating_base_count\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_nukeviet_key\`;`)
  await db.run(sql`DROP INDEX \`images_nukeviet_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`nukeviet_key\`;`)
  await db.run(sql`DROP INDEX \`authors_nukeviet_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`authors\` DROP COLUMN \`nukeviet_key\`;`)
  await db.run(sql`DROP INDEX \`categories_nukeviet_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`categories\` DROP COLUMN \`nukeviet_key\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
