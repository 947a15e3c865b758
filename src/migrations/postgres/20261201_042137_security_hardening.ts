import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_audit_log_action" AS ENUM('login', 'login-failed', 'logout', 'create', 'update', 'publish', 'unpublish', 'schedule', 'unschedule', 'delete', 'role-change', 'global-change', 'vote-change', 'vote-delete', 'vote-recompute');
  CREATE TYPE "public"."enum_audit_log_target_type" AS ENUM('articles', 'users', 'ratings', 'site', 'service-links');
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"actor_id" integer,
  	"actor_email" varchar,
  	"action" "enum_audit_log_action" NOT NULL,
  	"target_type" "enum_audit_log_target_type",
  	"target_id" varchar,
  	"target_title" varchar,
  	"detail" varchar,
  	"address_hash" varchar
  );
  
  ALTER TABLE "images" ADD COLUMN "uploaded_by_id" integer;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_target_type_idx" ON "audit_log" USING btree ("target_type");
  CREATE INDEX "targetType_targetId_idx" ON "audit_log" USING btree ("target_type","target_id");
  ALTER TABLE "images" ADD CONSTRAINT "images_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "images_uploaded_by_idx" ON "images" USING btree ("uploaded_by_id");
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "images" DROP CONSTRAINT "images_uploaded_by_id_users_id_fk";
  
  DROP INDEX "images_uploaded_by_idx";
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "images" DROP COLUMN "uploaded_by_id";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_audit_log_target_type";`)
}
