import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor_id\` integer,
  	\`actor_email\` text,
  	\`action\` text NOT NULL,
  	\`target_type\` text,
  	\`target_id\` text,
  	\`target_title\` text,
  	\`detail\` text,
  	\`address_hash\` text,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_type_idx\` ON \`audit_log\` (\`target_type\`);`)
  await db.run(sql`CREATE INDEX \`targetType_targetId_idx\` ON \`audit_log\` (\`target_type\`,\`target_id\`);`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`uploaded_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`images_uploaded_by_idx\` ON \`images\` (\`uploaded_by_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_images\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`credit\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_medium_url\` text,
  	\`sizes_medium_width\` numeric,
  	\`sizes_medium_height\` numeric,
  	\`sizes_medium_mime_type\` text,
  	\`sizes_medium_filesize\` numeric,
  	\`sizes_medium_filename\` text,
  	\`sizes_wide_url\` text,
  	\`sizes_wide_width\` numeric,
  	\`sizes_wide_height\` numeric,
  	\`sizes_wide_mime_type\` text,
  	\`sizes_wide_filesize\` numeric,
  	\`sizes_wide_filename\` text,
  	\`sizes_sidebar_url\` text,
  	\`sizes_sidebar_width\` numeric,
  	\`sizes_sidebar_height\` numeric,
  	\`sizes_sidebar_mime_type\` text,
  	\`sizes_sidebar_filesize\` numeric,
  	\`sizes_sidebar_filename\` text,
  	\`sizes_og_url\` text,
  	\`sizes_og_width\` numeric,
  	\`sizes_og_height\` numeric,
  	\`sizes_og_mime_type\` text,
  	\`sizes_og_filesize\` numeric,
  	\`sizes_og_filename\` text,
  	\`sizes_thumbnail_webp_url\` text,
  	\`sizes_thumbnail_webp_width\` numeric,
  	\`sizes_thumbnail_webp_height\` numeric,
  	\`sizes_thumbnail_webp_mime_type\` text,
  	\`sizes_thumbnail_webp_filesize\` numeric,
  	\`sizes_thumbnail_webp_filename\` text,
  	\`sizes_card_webp_url\` text,
  	\`sizes_card_webp_width\` numeric,
  	\`sizes_card_webp_height\` numeric,
  	\`sizes_card_webp_mime_type\` text,
  	\`sizes_card_webp_filesize\` numeric,
  	\`sizes_card_webp_filename\` text,
  	\`sizes_medium_webp_url\` text,
  	\`sizes_medium_webp_width\` numeric,
  	\`sizes_medium_webp_height\` numeric,
  	\`sizes_medium_webp_mime_type\` text,
  	\`sizes_medium_webp_filesize\` numeric,
  	\`sizes_medium_webp_filename\` text,
  	\`sizes_wide_webp_url\` text,
  	\`sizes_wide_webp_width\` numeric,
  	\`sizes_wide_webp_height\` numeric,
  	\`sizes_wide_webp_mime_type\` text,
  	\`sizes_wide_webp_filesize\` numeric,
  	\`sizes_wide_webp_filename\` text,
  	\`sizes_sidebar_webp_url\` text,
  	\`sizes_sidebar_webp_width\` numeric,
  	\`sizes_sidebar_webp_height\` numeric,
  	\`sizes_sidebar_webp_mime_type\` text,
  	\`sizes_sidebar_webp_filesize\` numeric,
  	\`sizes_sidebar_webp_filename\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_images\`("id", "alt", "credit", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_medium_url", "sizes_medium_width", "sizes_medium_height", "sizes_medium_mime_type", "sizes_medium_filesize", "sizes_medium_filename", "sizes_wide_url", "sizes_wide_width", "sizes_wide_height", "sizes_wide_mime_type", "sizes_wide_filesize", "sizes_wide_filename", "sizes_sidebar_url", "sizes_sidebar_width", "sizes_sidebar_height", "sizes_sidebar_mime_type", "sizes_sidebar_filesize", "sizes_sidebar_filename", "sizes_og_url", "sizes_og_width", "sizes_og_height", "sizes_og_mime_type", "sizes_og_filesize", "sizes_og_filename", "sizes_thumbnail_webp_url", "sizes_thumbnail_webp_width", "sizes_thumbnail_webp_height", "sizes_thumbnail_webp_mime_type", "sizes_thumbnail_webp_filesize", "sizes_thumbnail_webp_filename", "sizes_card_webp_url", "sizes_card_webp_width", "sizes_card_webp_height", "sizes_card_webp_mime_type", "sizes_card_webp_filesize", "sizes_card_webp_filename", "sizes_medium_webp_url", "sizes_medium_webp_width", "sizes_medium_webp_height", "sizes_medium_webp_mime_type", "sizes_medium_webp_filesize", "sizes_medium_webp_filename", "sizes_wide_webp_url", "sizes_wide_webp_width", "sizes_wide_webp_height", "sizes_wide_webp_mime_type", "sizes_wide_webp_filesize", "sizes_wide_webp_filename", "sizes_sidebar_webp_url", "sizes_sidebar_webp_width", "sizes_sidebar_webp_height", "sizes_sidebar_webp_mime_type", "sizes_sidebar_webp_filesize", "sizes_sidebar_webp_filename") SELECT "id", "alt", "credit", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_medium_url", "sizes_medium_width", "sizes_medium_height", "sizes_medium_mime_type", "sizes_medium_filesize", "sizes_medium_filename", "sizes_wide_url", "sizes_wide_width", "sizes_wide_height", "sizes_wide_mime_type", "sizes_wide_filesize", "sizes_wide_filename", "sizes_sidebar_url", "sizes_sidebar_width", "sizes_sidebar_height", "sizes_sidebar_mime_type", "sizes_sidebar_filesize", "sizes_sidebar_filename", "sizes_og_url", "sizes_og_width", "sizes_og_height", "sizes_og_mime_type", "sizes_og_filesize", "sizes_og_filename", "sizes_thumbnail_webp_url", "sizes_thumbnail_webp_width", "sizes_thumbnail_webp_height", "sizes_thumbnail_webp_mime_type", "sizes_thumbnail_webp_filesize", "sizes_thumbnail_webp_filename", "sizes_card_webp_url", "sizes_card_webp_width", "sizes_card_webp_height", "sizes_card_webp_mime_type", "sizes_card_webp_filesize", "sizes_card_webp_filename", "sizes_medium_webp_url", "sizes_medium_webp_width", "sizes_medium_webp_height", "sizes_medium_webp_mime_type", "sizes_medium_webp_filesize", "sizes_medium_webp_filename", "sizes_wide_webp_url", "sizes_wide_webp_width", "sizes_wide_webp_height", "sizes_wide_webp_mime_type", "sizes_wide_webp_filesize", "sizes_wide_webp_filename", "sizes_sidebar_webp_url", "sizes_sidebar_webp_width", "sizes_sidebar_webp_height", "sizes_sidebar_webp_mime_type", "sizes_sidebar_webp_filesize", "sizes_sidebar_webp_filename" FROM \`images\`;`)
  await db.run(sql`DROP TABLE \`images\`;`)
  await db.run(sql`ALTER TABLE \`__new_images\` RENAME TO \`images\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`images_updated_at_idx\` ON \`images\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`images_created_at_idx\` ON \`images\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`images_filename_idx\` ON \`images\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`images\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_card_sizes_card_filename_idx\` ON \`images\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_medium_sizes_medium_filename_idx\` ON \`images\` (\`sizes_medium_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_wide_sizes_wide_filename_idx\` ON \`images\` (\`sizes_wide_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_sidebar_sizes_sidebar_filename_idx\` ON \`images\` (\`sizes_sidebar_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_og_sizes_og_filename_idx\` ON \`images\` (\`sizes_og_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_thumbnail_webp_sizes_thumbnail_webp_filenam_idx\` ON \`images\` (\`sizes_thumbnail_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_card_webp_sizes_card_webp_filename_idx\` ON \`images\` (\`sizes_card_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_medium_webp_sizes_medium_webp_filename_idx\` ON \`images\` (\`sizes_medium_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_wide_webp_sizes_wide_webp_filename_idx\` ON \`images\` (\`sizes_wide_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_sidebar_webp_sizes_sidebar_webp_filename_idx\` ON \`images\` (\`sizes_sidebar_webp_filename\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
}
