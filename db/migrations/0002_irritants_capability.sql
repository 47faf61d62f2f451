CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`irritant_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`hidden_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`irritant_id`) REFERENCES `irritants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_irritant_idx` ON `comments` (`irritant_id`,`id`);--> statement-breakpoint
CREATE TABLE `follows` (
	`user_id` integer NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`user_id`, `subject_type`, `subject_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follows_subject_idx` ON `follows` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `supports` (
	`irritant_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`lane` text NOT NULL,
	`profession` text,
	`product_id` integer,
	`product_version` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`irritant_id`, `user_id`),
	FOREIGN KEY (`irritant_id`) REFERENCES `irritants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supports_user_idx` ON `supports` (`user_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` integer NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`segur_wave` integer,
	`versions` text DEFAULT '[]' NOT NULL,
	`installed_base` integer,
	`retired_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `products_vendor_idx` ON `products` (`vendor_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `usual_product_id` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `usual_product_version` text;--> statement-breakpoint
ALTER TABLE `irritant_themes` ADD `source` text DEFAULT 'author' NOT NULL;--> statement-breakpoint
ALTER TABLE `irritants` ADD `product_id` integer REFERENCES products(id);--> statement-breakpoint
ALTER TABLE `irritants` ADD `product_version` text;--> statement-breakpoint
ALTER TABLE `irritants` ADD `severity` text;--> statement-breakpoint
ALTER TABLE `irritants` ADD `frequency` text;--> statement-breakpoint
ALTER TABLE `irritants` ADD `time_lost_minutes` integer;--> statement-breakpoint
ALTER TABLE `irritants` ADD `patient_safety` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `irritants` ADD `consultation_step` text;--> statement-breakpoint
ALTER TABLE `irritants` ADD `redactions` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `irritants` ADD `hidden_at` text;--> statement-breakpoint
ALTER TABLE `irritants` ADD `hidden_reason` text;--> statement-breakpoint
ALTER TABLE `irritants` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `irritants` ADD `support_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `irritants` ADD `patient_support_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `irritants_published_support_idx` ON `irritants` (`published`,`support_count`,`id`);--> statement-breakpoint
CREATE INDEX `irritants_product_idx` ON `irritants` (`product_id`,`id`);--> statement-breakpoint
CREATE INDEX `irritants_merged_idx` ON `irritants` (`merged_into_id`);--> statement-breakpoint
ALTER TABLE `themes` ADD `keywords` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `themes` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `themes` ADD `irritant_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `themes` ADD `published_count` integer DEFAULT 0 NOT NULL;