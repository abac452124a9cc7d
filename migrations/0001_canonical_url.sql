ALTER TABLE `links` ADD `canonical_url` text;--> statement-breakpoint
CREATE INDEX `links_workspace_canonical_url_idx` ON `links` (`workspace_key`,`canonical_url`);