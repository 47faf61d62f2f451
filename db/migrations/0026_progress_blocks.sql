CREATE TABLE `progress_blocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`config` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `progress_updates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `progress_blocks_update_idx` ON `progress_blocks` (`update_id`,`position`);--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `as_of` text;--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `snapshot` text;