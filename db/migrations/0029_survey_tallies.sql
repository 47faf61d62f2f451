CREATE TABLE `survey_tally_cells` (
	`campaign_id` integer NOT NULL,
	`measure` text NOT NULL,
	`subject` text NOT NULL,
	`answered` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `measure`, `subject`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_tally_pending` (
	`campaign_id` integer NOT NULL,
	`measure` text NOT NULL,
	`subject` text NOT NULL,
	`rank` integer NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `measure`, `subject`, `rank`, `value`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_tally_state` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`responses` integer NOT NULL,
	`last_response_id` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_tally_subjects` (
	`campaign_id` integer NOT NULL,
	`subject` text NOT NULL,
	`first_response_id` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `subject`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_tally_values` (
	`campaign_id` integer NOT NULL,
	`measure` text NOT NULL,
	`subject` text NOT NULL,
	`value` text NOT NULL,
	`total` integer NOT NULL,
	`counted` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `measure`, `subject`, `value`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
