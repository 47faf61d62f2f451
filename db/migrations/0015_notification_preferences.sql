CREATE TABLE `progress_update_themes` (
	`update_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`update_id`, `theme_id`),
	FOREIGN KEY (`update_id`) REFERENCES `progress_updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_update_themes_theme_idx` ON `progress_update_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `account_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_token_hash_unique` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_user_idx` ON `account_tokens` (`user_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox_emails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`event_id` integer,
	`kind` text DEFAULT 'notification' NOT NULL,
	`dedupe_key` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_error` text,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_outbox_emails`("id", "user_id", "event_id", "kind", "dedupe_key", "to", "subject", "text", "html", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at") SELECT "id", "user_id", "event_id", 'notification', 'event:' || "event_id" || ':user:' || "user_id", "to", "subject", "text", "html", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at" FROM `outbox_emails`;--> statement-breakpoint
DROP TABLE `outbox_emails`;--> statement-breakpoint
ALTER TABLE `__new_outbox_emails` RENAME TO `outbox_emails`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_emails_dedupe_key_unique` ON `outbox_emails` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_emails_pending_idx` ON `outbox_emails` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_emails_user_status_idx` ON `outbox_emails` (`user_id`,`status`);--> statement-breakpoint
ALTER TABLE `users` ADD `email_confirmed_at` text;--> statement-breakpoint
-- Accounts made before address confirmation existed are taken as confirmed.
UPDATE `users` SET `email_confirmed_at` = `created_at`;--> statement-breakpoint
ALTER TABLE `invitations` ADD `invitee_id` integer REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `invitations` ADD `reminded_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_invitee_idx` ON `invitations` (`campaign_id`,`invitee_id`);