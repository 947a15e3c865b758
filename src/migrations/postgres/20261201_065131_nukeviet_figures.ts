import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "stats_imported" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"source" varchar NOT NULL,
  	"period" varchar NOT NULL,
  	"bucket" varchar NOT NULL,
  	"visits" numeric DEFAULT 0
  );
  
  ALTER TABLE "articles" ADD COLUMN "view_base" numeric DEFAULT 0;
  ALTER TABLE "articles" ADD COLUMN "rating_base_total" numeric DEFAULT 0;
  ALTER TABLE "articles" ADD COLUMN "rating_base_count" numeric DEFAULT 0;
  ALTER TABLE "_articles_v" ADD COLUMN "version_view_base" numeric DEFAULT 0;
  ALTER TABLE "_articles_v" ADD COLUMN "version_rating_base_total" numeric DEFAULT 0;
  ALTER TABLE "_articles_v" ADD COLUMN "version_rating_base_count" numeric DEFAULT 0;
  CREATE UNIQUE INDEX "stats_imported_key_idx" ON "stats_imported" USING btree ("key");
  CREATE INDEX "stats_imported_bucket_idx" ON "stats_imported" USING btree ("bucket");
  CREATE INDEX "period_bucket_idx" ON "stats_imported" USING btree ("period","bucket");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "stats_imported" CASCADE;
  ALTER TABLE "articles" DROP COLUMN "view_base";
  ALTER TABLE "articles" DROP COLUMN "rating_base_total";
  ALTER TABLE "articles" DROP COLUMN "rating_base_count";
  ALTER TABLE "_articles_v" DROP COLUMN "version_view_base";
  ALTER TABLE "_articles_v" DROP COLUMN "version_rating_base_total";
  ALTER TABLE "_articles_v" DROP COLUMN "version_rating_base_count";`)
}
