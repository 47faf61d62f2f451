ALTER TABLE `irritants` ADD `origin` text DEFAULT 'reporter' NOT NULL;--> statement-breakpoint
ALTER TABLE `irritants` ADD `collected_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `irritants` ADD `collected_via` text;--> statement-breakpoint
ALTER TABLE `irritants` ADD `behalf_name` text;--> statement-breakpoint
ALTER TABLE `irritants` ADD `behalf_profession` text;