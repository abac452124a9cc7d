CREATE TABLE `roundup_reviews` (
	`workspace_key` text NOT NULL,
	`period` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_ids` text DEFAULT '[]' NOT NULL,
	`held_by` text,
	`version` integer DEFAULT 0 NOT NULL,
	`reminded_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	PRIMARY KEY(`workspace_key`, `period`),
	FOREIGN KEY (`workspace_key`) REFERENCES `workspaces`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `links` ADD `votes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `links` ADD `picked` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `links` ADD `dropped` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `link_order` text DEFAULT 'shared' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `picks_title` text DEFAULT 'Picks of the month' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `picks_emoji` text DEFAULT '⭐';--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `review_days` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `review_channel_id` text;--> statement-breakpoint
CREATE INDEX `workspace_settings_review_due_idx` ON `workspace_settings` (`next_due_at`) WHERE "workspace_settings"."review_days" > 0 AND "workspace_settings"."review_channel_id" IS NOT NULL;