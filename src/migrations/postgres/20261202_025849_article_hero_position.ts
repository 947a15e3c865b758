import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_hero_position" AS ENUM('large', 'small', 'hidden');
  CREATE TYPE "public"."enum__articles_v_version_hero_position" AS ENUM('large', 'small', 'hidden');
  ALTER TABLE "articles" ADD COLUMN "hero_position" "enum_articles_hero_position" DEFAULT 'large';
  ALTER TABLE "_articles_v" ADD COLUMN "version_hero_position" "enum__articles_v_version_hero_position" DEFAULT 'large';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "hero_position";
  ALTER TABLE "_articles_v" DROP COLUMN "version_hero_position";
  DROP TYPE "public"."enum_articles_hero_position";
  DROP TYPE "public"."enum__articles_v_version_hero_position";`)
}
