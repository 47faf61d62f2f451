CREATE TABLE `theme_resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`theme_id` integer NOT NULL,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`kind` text DEFAULT 'guide' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `theme_resources_theme_idx` ON `theme_resources` (`theme_id`,`position`);