ALTER TABLE `seminar_registrations` ADD `confirmed_at` text;--> statement-breakpoint
ALTER TABLE `seminar_registrations` ADD `confirm_token_hash` text;--> statement-breakpoint
ALTER TABLE `seminar_registrations` ADD `confirm_expires_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `seminar_registrations_confirm_token_hash_unique` ON `seminar_registrations` (`confirm_token_hash`);--> statement-breakpoint
-- Registrations made before confirmation existed were counted: they stay confirmed.
UPDATE `seminar_registrations` SET `confirmed_at` = `created_at`;