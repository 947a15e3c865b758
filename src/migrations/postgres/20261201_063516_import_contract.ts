import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_redirects_source" AS ENUM('manual', 'slug', 'nukeviet');
  CREATE TABLE "redirects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar NOT NULL,
  	"source" "enum_redirects_source" DEFAULT 'manual' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "nukeviet_key" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_nukeviet_key" varchar;
  ALTER TABLE "images" ADD COLUMN "nukeviet_key" varchar;
  ALTER TABLE "authors" ADD COLUMN "nukeviet_key" varchar;
  ALTER TABLE "categories" ADD COLUMN "nukeviet_key" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "redirects_id" integer;
  CREATE UNIQUE INDEX "redirects_from_idx" ON "redirects" USING btree ("from");
  CREATE INDEX "redirects_updated_at_idx" ON "redirects" USING btree ("updated_at");
  CREATE INDEX "redirects_created_at_idx" ON "redirects" USING btree ("created_at");
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
   ALTER TABLE "redirects" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "redirects" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_redirects_fk";
  
  DROP INDEX "articles_nukeviet_key_idx";
  DROP INDEX "_articles_v_version_version_nukeviet_key_idx";
  DROP INDEX "images_nukeviet_key_idx";
  DROP INDEX "authors_nukeviet_key_idx";
  DROP INDEX "categories_nukeviet_key_idx";
  DROP INDEX "payload_locked_documents_rels_redirects_id_idx";
  ALTER TABLE "articles" DROP COLUMN "nukeviet_key";
  ALTER TABLE "_articles_v" DROP COLUMN "version_nukeviet_key";
  ALTER TABLE "images" DROP COLUMN "nukeviet_key";
  ALTER TABLE "authors" DROP COLUMN "nukeviet_key";
  ALTER TABLE "categories" DROP COLUMN "nukeviet_key";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "redirects_id";
  DROP TYPE "public"."enum_redirects_source";`)
}
