CREATE TABLE `outbox_mentions` (
	`irritant_id` integer NOT NULL,
	`outbox_id` integer NOT NULL,
	PRIMARY KEY(`irritant_id`, `outbox_id`),
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox_emails`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outbox_mentions_outbox_idx` ON `outbox_mentions` (`outbox_id`);--> statement-breakpoint
CREATE INDEX `notifications_url_idx` ON `notifications` (`url`);