ALTER TABLE `workspace_settings` ADD `quiet_month_note` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `next_due_period` text;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `next_due_at` integer;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `admin_notice` text;--> statement-breakpoint
CREATE INDEX `workspace_settings_next_due_at_idx` ON `workspace_settings` (`next_due_at`);