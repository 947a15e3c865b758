import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`stats_totals\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`period\` text NOT NULL,
  	\`bucket\` text NOT NULL,
  	\`page_views\` numeric DEFAULT 0,
  	\`visits\` numeric DEFAULT 0,
  	\`visitors\` numeric DEFAULT 0,
  	\`bots\` numeric DEFAULT 0
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`stats_totals_key_idx\` ON \`stats_totals\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`stats_totals_bucket_idx\` ON \`stats_totals\` (\`bucket\`);`)
  await db.run(sql`CREATE TABLE \`stats_pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`period\` text NOT NULL,
  	\`bucket\` text NOT NULL,
  	\`path\` text NOT NULL,
  	\`article\` numeric,
  	\`page_views\` numeric DEFAULT 0,
  	\`visits\` numeric DEFAULT 0,
  	\`visitors\` numeric DEFAULT 0
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`stats_pages_key_idx\` ON \`stats_pages\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`stats_pages_bucket_idx\` ON \`stats_pages\` (\`bucket\`);`)
  await db.run(sql`CREATE INDEX \`stats_pages_article_idx\` ON \`stats_pages\` (\`article\`);`)
  await db.run(sql`CREATE INDEX \`bucket_article_pageViews_visits_visitors_idx\` ON \`stats_pages\` (\`bucket\`,\`article\`,\`page_views\`,\`visits\`,\`visitors\`);`)
  await db.run(sql`CREATE TABLE \`stats_breakdowns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`bucket\` text NOT NULL,
  	\`dimension\` text NOT NULL,
  	\`value\` text NOT NULL,
  	\`page_views\` numeric DEFAULT 0,
  	\`visits\` numeric DEFAULT 0
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`stats_breakdowns_key_idx\` ON \`stats_breakdowns\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`stats_breakdowns_bucket_idx\` ON \`stats_breakdowns\` (\`bucket\`);`)
  await db.run(sql`CREATE INDEX \`bucket_dimension_value_pageViews_visits_idx\` ON \`stats_breakdowns\` (\`bucket\`,\`dimension\`,\`value\`,\`page_views\`,\`visits\`);`)
  await db.run(sql`CREATE TABLE \`stats_visitors\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`visitor\` text NOT NULL,
  	\`last_seen\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`stats_visitors_visitor_idx\` ON \`stats_visitors\` (\`visitor\`);`)
  await db.run(sql`CREATE INDEX \`stats_visitors_last_seen_idx\` ON \`stats_visitors\` (\`last_seen\`);`)
  await db.run(sql`CREATE TABLE \`stats_seen\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`expires\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`stats_seen_key_idx\` ON \`stats_seen\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`stats_seen_expires_idx\` ON \`stats_seen\` (\`expires\`);`)
  await db.run(sql`CREATE TABLE \`stats_salts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`salt\` text NOT NULL,
  	\`created_ms\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`stats_salts_day_idx\` ON \`stats_salts\` (\`day\`);`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`stats_starting_total\` numeric DEFAULT 0;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`stats_totals\`;`)
  await db.run(sql`DROP TABLE \`stats_pages\`;`)
  await db.run(sql`DROP TABLE \`stats_breakdowns\`;`)
  await db.run(sql`DROP TABLE \`stats_visitors\`;`)
  await db.run(sql`DROP TABLE \`stats_seen\`;`)
  await db.run(sql`DROP TABLE \`stats_salts\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`stats_starting_total\`;`)
}
