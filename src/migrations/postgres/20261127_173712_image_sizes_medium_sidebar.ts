import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "images" ADD COLUMN "sizes_medium_url" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_width" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_height" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_mime_type" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_filesize" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_filename" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_url" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_width" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_height" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_mime_type" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_filesize" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_filename" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_webp_url" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_webp_width" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_webp_height" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_webp_mime_type" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_webp_filesize" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_medium_webp_filename" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_webp_url" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_webp_width" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_webp_height" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_webp_mime_type" varchar;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_webp_filesize" numeric;
  ALTER TABLE "images" ADD COLUMN "sizes_sidebar_webp_filename" varchar;
  CREATE INDEX "images_sizes_medium_sizes_medium_filename_idx" ON "images" USING btree ("sizes_medium_filename");
  CREATE INDEX "images_sizes_sidebar_sizes_sidebar_filename_idx" ON "images" USING btree ("sizes_sidebar_filename");
  CREATE INDEX "images_sizes_medium_webp_sizes_medium_webp_filename_idx" ON "images" USING btree ("sizes_medium_webp_filename");
  CREATE INDEX "images_sizes_sidebar_webp_sizes_sidebar_webp_filename_idx" ON "images" USING btree ("sizes_sidebar_webp_filename");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "images_sizes_medium_sizes_medium_filename_idx";
  DROP INDEX "images_sizes_sidebar_sizes_sidebar_filename_idx";
  DROP INDEX "images_sizes_medium_webp_sizes_medium_webp_filename_idx";
  DROP INDEX "images_sizes_sidebar_webp_sizes_sidebar_webp_filename_idx";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_url";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_width";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_height";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_mime_type";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_filesize";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_filename";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_url";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_width";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_height";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_mime_type";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_filesize";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_filename";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_webp_url";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_webp_width";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_webp_height";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_webp_mime_type";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_webp_filesize";
  ALTER TABLE "images" DROP COLUMN "sizes_medium_webp_filename";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_webp_url";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_webp_width";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_webp_height";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_webp_mime_type";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_webp_filesize";
  ALTER TABLE "images" DROP COLUMN "sizes_sidebar_webp_filename";`)
}
