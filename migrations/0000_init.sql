CREATE TABLE `workspace_admins` (
	`workspace_key` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	PRIMARY KEY(`workspace_key`, `kind`, `subject_id`),
	FOREIGN KEY (`workspace_key`) REFERENCES `workspaces`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_key` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`emoji` text,
	`position` integer NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`workspace_key`) REFERENCES `workspaces`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_workspace_slug_unique` ON `categories` (`workspace_key`,`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `categories_workspace_name_unique` ON `categories` (`workspace_key`,lower("name"));--> statement-breakpoint
CREATE TABLE `links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_key` text NOT NULL,
	`url` text NOT NULL,
	`normalized_url` text NOT NULL,
	`title` text,
	`author` text,
	`description` text,
	`site_name` text,
	`note` text,
	`category_id` integer,
	`shared_by_id` text NOT NULL,
	`shared_by_name` text NOT NULL,
	`shared_at` integer NOT NULL,
	`source` text NOT NULL,
	`recommendations` text,
	FOREIGN KEY (`workspace_key`) REFERENCES `workspaces`(`key`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_workspace_normalized_url_unique` ON `links` (`workspace_key`,`normalized_url`);--> statement-breakpoint
CREATE INDEX `links_workspace_shared_at_idx` ON `links` (`workspace_key`,`shared_at`);--> statement-breakpoint
CREATE INDEX `links_category_idx` ON `links` (`category_id`);--> statement-breakpoint
CREATE TABLE `roundup_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_key` text NOT NULL,
	`period` text NOT NULL,
	`status` text NOT NULL,
	`message_ids` text DEFAULT '[]' NOT NULL,
	`claimed_by` text,
	`lease_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`workspace_key`) REFERENCES `workspaces`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roundup_runs_workspace_period_unique` ON `roundup_runs` (`workspace_key`,`period`);--> statement-breakpoint
CREATE TABLE `workspace_settings` (
	`workspace_key` text PRIMARY KEY NOT NULL,
	`channel_id` text,
	`schedule_day` integer DEFAULT 1 NOT NULL,
	`schedule_time` text DEFAULT '09:00' NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`title_template` text DEFAULT 'What we''ve been reading in {month}' NOT NULL,
	`intro` text,
	FOREIGN KEY (`workspace_key`) REFERENCES `workspaces`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workspaces` (
	`key` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
