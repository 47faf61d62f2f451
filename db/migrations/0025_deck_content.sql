CREATE TABLE `next_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`heading` text NOT NULL,
	`text` text NOT NULL,
	`horizon` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`source_date` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `next_steps_position_idx` ON `next_steps` (`source_date`,`position`);--> statement-breakpoint
ALTER TABLE `theme_resources` ADD `date` text;--> statement-breakpoint
ALTER TABLE `theme_resources` ADD `date_kind` text DEFAULT 'publication' NOT NULL;--> statement-breakpoint
ALTER TABLE `theme_resources` ADD `source` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `indicators` ADD `source_date` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `notes` text DEFAULT '' NOT NULL;