ALTER TABLE `action_steps` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `next_steps` ADD `done_on` text;