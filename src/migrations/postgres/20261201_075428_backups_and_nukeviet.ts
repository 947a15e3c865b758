import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_redirects_source" AS ENUM('manual', 'slug', 'nukeviet');
  CREATE TYPE "public"."enum_backups_trigger" AS ENUM('schedule', 'manual');
  CREATE TYPE "public"."enum_backups_status" AS ENUM('running', 'ok', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'backup' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'backup' BEFORE 'schedulePublish';
  CREATE TABLE "stats_imported" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"source" varchar NOT NULL,
  	"period" varchar NOT NULL,
  	"bucket" varchar NOT NULL,
  	"visits" numeric DEFAULT 0
  );
  
  CREATE TABLE "redirects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar NOT NULL,
  	"source" "enum_redirects_source" DEFAULT 'manual' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "backups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slot" varchar NOT NULL,
  	"trigger" "enum_backups_trigger" NOT NULL,
  	"requested_by_id" integer,
  	"status" "enum_backups_status" NOT NULL,
  	"started_at" timestamp(3) with time zone NOT NULL,
  	"finished_at" timestamp(3) with time zone,
  	"duration_ms" numeric,
  	"archive" varchar,
  	"size" numeric,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles" ADD COLUMN "view_base" numeric DEFAULT 0;
  ALTER TABLE "articles" ADD COLUMN "rating_base_total" numeric DEFAULT 0;
  ALTER TABLE "articles" ADD COLUMN "rating_base_count" numeric DEFAULT 0;
  ALTER TABLE "articles" ADD COLUMN "nukeviet_key" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_view_base" numeric DEFAULT 0;
  ALTER TABLE "_articles_v" ADD COLUMN "version_rating_base_total" numeric DEFAULT 0;
  ALTER TABLE "_articles_v" ADD COLUMN "version_rating_base_count" numeric DEFAULT 0;
  ALTER TABLE "_articles_v" ADD COLUMN "version_nukeviet_key" varchar;
  ALTER TABLE "images" ADD COLUMN "nukeviet_key" varchar;
  ALTER TABLE "authors" ADD COLUMN "nukeviet_key" varchar;
  ALTER TABLE "categories" ADD COLUMN "nukeviet_key" varchar;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "redirects_id" integer;
  ALTER TABLE "backups" ADD CONSTRAINT "backups_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "stats_imported_key_idx" ON "stats_imported" USING btree ("key");
  CREATE INDEX "stats_imported_bucket_idx" ON "stats_imported" USING btree ("bucket");
  CREATE INDEX "period_bucket_idx" ON "stats_imported" USING btree ("period","bucket");
  CREATE UNIQUE INDEX "redirects_from_idx" ON "redirects" USING btree ("from");
  CREATE INDEX "redirects_updated_at_idx" ON "redirects" USING btree ("updated_at");
  CREATE INDEX "redirects_created_at_idx" ON "redirects" USING btree ("created_at");
  CREATE UNIQUE INDEX "backups_slot_idx" ON "backups" USING btree ("slot");
  CREATE INDEX "backups_requested_by_idx" ON "backups" USING btree ("requested_by_id");
  CREATE INDEX "backups_status_idx" ON "backups" USING btree ("status");
  CREATE INDEX "backups_started_at_idx" ON "backups" USING btree ("started_at");
  CREATE INDEX "backups_updated_at_idx" ON "backups" USING btree ("updated_at");
  CREATE INDEX "backups_created_at_idx" ON "backups" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_redirects_fk" FOREIGN KEY ("redirects_id") REFERENCES "public"."redirects"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "articles_nukeviet_key_idx" ON "articles" USING btree ("nukeviet_key");
  CREATE INDEX "_articles_v_version_version_nukeviet_key_idx" ON "_articles_v" USING btree ("version_nukeviet_key");
  CREATE UNIQUE INDEX "images_nukeviet_key_idx" ON "images" USING btree ("nukeviet_key");
  CREATE UNIQUE INDEX "authors_nukeviet_key_idx" ON "authors" USING btree ("nukeviet_key");
  CREATE UNIQUE INDEX "categories_nukeviet_key_idx" ON "categories" USING btree ("nukeviet_key");
  CREATE INDEX "payload_locked_documents_rels_redirects_id_idx" ON "payload_locked_documents_rels" USING btree ("redirects_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "stats_imported" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "redirects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "backups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "stats_imported" CASCADE;
  DROP TABLE "redirects" CASCADE;
  DROP TABLE "backups" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_redirects_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'revalidateExpiredArticle', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'revalidateExpiredArticle', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_nukeviet_key_idx";
  DROP INDEX "_articles_v_version_version_nukeviet_key_idx";
  DROP INDEX "images_nukeviet_key_idx";
  DROP INDEX "authors_nukeviet_key_idx";
  DROP INDEX "categories_nukeviet_key_idx";
  DROP INDEX "payload_locked_documents_rels_redirects_id_idx";
  ALTER TABLE "articles" DROP COLUMN "view_base";
  ALTER TABLE "articles" DROP COLUMN "rating_base_total";
  ALTER TABLE "articles" DROP COLUMN "rating_base_count";
  ALTER TABLE "articles" DROP COLUMN "nukeviet_key";
  ALTER TABLE "_articles_v" DROP COLUMN "version_view_base";
  ALTER TABLE "_articles_v" DROP COLUMN "version_rating_base_total";
  ALTER TABLE "_articles_v" DROP COLUMN "version_rating_base_count";
  ALTER TABLE "_articles_v" DROP COLUMN "version_nukeviet_key";
  ALTER TABLE "images" DROP COLUMN "nukeviet_key";
  ALTER TABLE "authors" DROP COLUMN "nukeviet_key";
  ALTER TABLE "categories" DROP COLUMN "nukeviet_key";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "redirects_id";
  DROP TYPE "public"."enum_redirects_source";
  DROP TYPE "public"."enum_backups_trigger";
  DROP TYPE "public"."enum_backups_status";`)
}
