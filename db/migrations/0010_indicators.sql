CREATE TABLE `indicator_values` (
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`dimension` text DEFAULT '' NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`indicator_id`, `period`, `dimension`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`unit` text NOT NULL,
	`source` text NOT NULL,
	`method` text DEFAULT '' NOT NULL,
	`chart` text DEFAULT 'line' NOT NULL,
	`dimensions` text DEFAULT '[]' NOT NULL,
	`theme_id` integer,
	`demonstration` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_slug_unique` ON `indicators` (`slug`);--> statement-breakpoint
CREATE INDEX `indicators_theme_idx` ON `indicators` (`theme_id`);