ALTER TABLE `links` ADD `number` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `last_link_number` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Links already shared keep their order: numbered 1, 2, 3... per workspace, oldest id first.
UPDATE `links` SET `number` = `ranked`.`n`
  FROM (SELECT `id`, row_number() OVER (PARTITION BY `workspace_key` ORDER BY `id`) AS `n` FROM `links`) AS `ranked`
  WHERE `links`.`id` = `ranked`.`id`;--> statement-breakpoint
UPDATE `workspaces` SET `last_link_number` =
  (SELECT coalesce(max(`number`), 0) FROM `links` WHERE `links`.`workspace_key` = `workspaces`.`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `links_workspace_number_unique` ON `links` (`workspace_key`,`number`);--> statement-breakpoint
-- Every new link takes the next number (the insert reads last_link_number + 1); an ignored duplicate
-- insert fires nothing, so numbers have no gaps but those removals leave.
CREATE TRIGGER `links_number_counter` AFTER INSERT ON `links` BEGIN
  UPDATE `workspaces` SET `last_link_number` = NEW.`number`
    WHERE `key` = NEW.`workspace_key` AND `last_link_number` < NEW.`number`;
END;
