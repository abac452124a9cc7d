ALTER TABLE `workspace_settings` ADD `archive_mode` text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `archive_token` text;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `archive_slug` text;--> statement-breakpoint
CREATE UNIQUE INDEX `workspace_settings_archive_token_unique` ON `workspace_settings` (`archive_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `workspace_settings_archive_slug_unique` ON `workspace_settings` (`archive_slug`);