import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "stats_totals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"period" varchar NOT NULL,
  	"bucket" varchar NOT NULL,
  	"page_views" numeric DEFAULT 0,
  	"visits" numeric DEFAULT 0,
  	"visitors" numeric DEFAULT 0,
  	"bots" numeric DEFAULT 0
  );
  
  CREATE TABLE "stats_pages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"period" varchar NOT NULL,
  	"bucket" varchar NOT NULL,
  	"path" varchar NOT NULL,
  	"article" numeric,
  	"page_views" numeric DEFAULT 0,
  	"visits" numeric DEFAULT 0,
  	"visitors" numeric DEFAULT 0
  );
  
  CREATE TABLE "stats_breakdowns" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"bucket" varchar NOT NULL,
  	"dimension" varchar NOT NULL,
  	"value" varchar NOT NULL,
  	"page_views" numeric DEFAULT 0,
  	"visits" numeric DEFAULT 0
  );
  
  CREATE TABLE "stats_visitors" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"visitor" varchar NOT NULL,
  	"last_seen" numeric NOT NULL
  );
  
  CREATE TABLE "stats_seen" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"expires" numeric NOT NULL
  );
  
  CREATE TABLE "stats_salts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" varchar NOT NULL,
  	"salt" varchar NOT NULL,
  	"created_ms" numeric NOT NULL
  );
  
  ALTER TABLE "site" ADD COLUMN "stats_starting_total" numeric DEFAULT 0;
  CREATE UNIQUE INDEX "stats_totals_key_idx" ON "stats_totals" USING btree ("key");
  CREATE INDEX "stats_totals_bucket_idx" ON "stats_totals" USING btree ("bucket");
  CREATE UNIQUE INDEX "stats_pages_key_idx" ON "stats_pages" USING btree ("key");
  CREATE INDEX "stats_pages_bucket_idx" ON "stats_pages" USING btree ("bucket");
  CREATE INDEX "stats_pages_article_idx" ON "stats_pages" USING btree ("article");
  CREATE INDEX "bucket_article_pageViews_visits_visitors_idx" ON "stats_pages" USING btree ("bucket","article","page_views","visits","visitors");
  CREATE UNIQUE INDEX "stats_breakdowns_key_idx" ON "stats_breakdowns" USING btree ("key");
  CREATE INDEX "stats_breakdowns_bucket_idx" ON "stats_breakdowns" USING btree ("bucket");
  CREATE INDEX "bucket_dimension_value_pageViews_visits_idx" ON "stats_breakdowns" USING btree ("bucket","dimension","value","page_views","visits");
  CREATE UNIQUE INDEX "stats_visitors_visitor_idx" ON "stats_visitors" USING btree ("visitor");
  CREATE INDEX "stats_visitors_last_seen_idx" ON "stats_visitors" USING btree ("last_seen");
  CREATE UNIQUE INDEX "stats_seen_key_idx" ON "stats_seen" USING btree ("key");
  CREATE INDEX "stats_seen_expires_idx" ON "stats_seen" USING btree ("expires");
  CREATE UNIQUE INDEX "stats_salts_day_idx" ON "stats_salts" USING btree ("day");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "stats_totals" CASCADE;
  DROP TABLE "stats_pages" CASCADE;
  DROP TABLE "stats_breakdowns" CASCADE;
  DROP TABLE "stats_visitors" CASCADE;
  DROP TABLE "stats_seen" CASCADE;
  DROP TABLE "stats_salts" CASCADE;
  ALTER TABLE "site" DROP COLUMN "stats_starting_total";`)
}
