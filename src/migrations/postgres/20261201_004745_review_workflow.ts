import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_review_status" AS ENUM('draft', 'submitted', 'returned');
  CREATE TYPE "public"."enum__articles_v_version_review_status" AS ENUM('draft', 'submitted', 'returned');
  ALTER TABLE "articles" ADD COLUMN "review_status" "enum_articles_review_status" DEFAULT 'draft';
  ALTER TABLE "articles" ADD COLUMN "review_note" varchar;
  ALTER TABLE "articles" ADD COLUMN "submitted_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "first_published_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_status" "enum__articles_v_version_review_status" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_note" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_updated_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_first_published_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_review_status_idx" ON "articles" USING btree ("review_status");
  CREATE INDEX "articles_submitted_at_idx" ON "articles" USING btree ("submitted_at");
  CREATE INDEX "articles_updated_by_idx" ON "articles" USING btree ("updated_by_id");
  CREATE INDEX "_articles_v_version_version_review_status_idx" ON "_articles_v" USING btree ("version_review_status");
  CREATE INDEX "_articles_v_version_version_submitted_at_idx" ON "_articles_v" USING btree ("version_submitted_at");
  CREATE INDEX "_articles_v_version_version_updated_by_idx" ON "_articles_v" USING btree ("version_updated_by_id");`)
  // An article that ever went live keeps the time it first did (its oldest published version, else
  // its publication date): a reporter may delete only drafts that never were published.
  await db.execute(sql`
   UPDATE "articles" SET "first_published_at" = COALESCE(
     (SELECT MIN(v."updated_at") FROM "_articles_v" v WHERE v."parent_id" = "articles"."id" AND v."version__status" = 'published'),
     "published_at", "updated_at")
   WHERE "_status" = 'published'
      OR "id" IN (SELECT "parent_id" FROM "_articles_v" WHERE "version__status" = 'published');
  UPDATE "_articles_v" SET "version_first_published_at" = a."first_published_at" FROM "articles" a WHERE a."id" = "_articles_v"."parent_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP CONSTRAINT "articles_updated_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_updated_by_id_users_id_fk";
  
  DROP INDEX "articles_review_status_idx";
  DROP INDEX "articles_submitted_at_idx";
  DROP INDEX "articles_updated_by_idx";
  DROP INDEX "_articles_v_version_version_review_status_idx";
  DROP INDEX "_articles_v_version_version_submitted_at_idx";
  DROP INDEX "_articles_v_version_version_updated_by_idx";
  ALTER TABLE "articles" DROP COLUMN "review_status";
  ALTER TABLE "articles" DROP COLUMN "review_note";
  ALTER TABLE "articles" DROP COLUMN "submitted_at";
  ALTER TABLE "articles" DROP COLUMN "updated_by_id";
  ALTER TABLE "articles" DROP COLUMN "first_published_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_status";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_note";
  ALTER TABLE "_articles_v" DROP COLUMN "version_submitted_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_updated_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_first_published_at";
  DROP TYPE "public"."enum_articles_review_status";
  DROP TYPE "public"."enum__articles_v_version_review_status";`)
}
