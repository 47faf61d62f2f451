CREATE TABLE `survey_text_answers` (
	`campaign_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`hash` text NOT NULL,
	`text` text NOT NULL,
	`sort_key` text NOT NULL,
	`times` integer NOT NULL,
	`first_rank` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `item_key`, `hash`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_text_answers_order_idx` ON `survey_text_answers` (`campaign_id`,`item_key`,`sort_key`,`hash`);--> statement-breakpoint
CREATE TABLE `survey_text_ranks` (
	`campaign_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`rank` integer NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `item_key`, `rank`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `survey_text_state` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
