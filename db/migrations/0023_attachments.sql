CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` integer NOT NULL,
	`irritant_id` integer NOT NULL,
	`ticket_id` integer,
	`uploader_id` integer,
	`status` text DEFAULT 'analysing' NOT NULL,
	`masked_count` integer DEFAULT 0 NOT NULL,
	`sha256` text,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`pages` integer DEFAULT 1 NOT NULL,
	`approved_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`irritant_id`) REFERENCES `irritants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attachments_owner_idx` ON `attachments` (`owner_kind`,`owner_id`);--> statement-breakpoint
CREATE INDEX `attachments_irritant_idx` ON `attachments` (`irritant_id`);--> statement-breakpoint
CREATE INDEX `attachments_status_idx` ON `attachments` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `attachments_uploader_idx` ON `attachments` (`uploader_id`);