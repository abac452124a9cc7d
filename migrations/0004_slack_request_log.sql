CREATE TABLE `slack_requests` (
	`signature` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
