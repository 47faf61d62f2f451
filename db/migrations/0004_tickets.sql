CREATE TABLE `fix_confirmations` (
	`ticket_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`answer` text NOT NULL,
	`round` integer DEFAULT 0 NOT NULL,
	`answered_at` text NOT NULL,
	PRIMARY KEY(`ticket_id`, `user_id`, `round`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ticket_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`author_id` integer,
	`visibility` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_messages_ticket_idx` ON `ticket_messages` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`irritant_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`vendor_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution` text,
	`resolution_version` text,
	`resolution_date` text,
	`opened_at` text NOT NULL,
	`first_response_at` text,
	`first_response_due` text NOT NULL,
	`resolution_due` text NOT NULL,
	`resolved_at` text,
	`closed_at` text,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`reassigned_from_id` integer,
	FOREIGN KEY (`irritant_id`) REFERENCES `irritants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_irritant_product_idx` ON `tickets` (`irritant_id`,`product_id`);--> statement-breakpoint
CREATE INDEX `tickets_vendor_idx` ON `tickets` (`vendor_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_irritant_idx` ON `tickets` (`irritant_id`);