ALTER TABLE "workspace_settings" ADD COLUMN "archive_mode" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "archive_token" text;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "archive_slug" text;--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_settings_archive_token_unique" ON "workspace_settings" USING btree ("archive_token");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_settings_archive_slug_unique" ON "workspace_settings" USING btree ("archive_slug");