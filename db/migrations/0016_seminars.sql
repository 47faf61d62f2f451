CREATE TABLE `registration_workshops` (
	`registration_id` integer NOT NULL,
	`workshop_id` integer NOT NULL,
	PRIMARY KEY(`registration_id`, `workshop_id`),
	FOREIGN KEY (`registration_id`) REFERENCES `seminar_registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registration_workshops_workshop_idx` ON `registration_workshops` (`workshop_id`);--> statement-breakpoint
CREATE TABLE `seminar_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seminar_id` integer NOT NULL,
	`workshop_id` integer NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` integer NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`seminar_id`) REFERENCES `seminars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seminar_outcomes_source_idx` ON `seminar_outcomes` (`source_kind`,`source_id`,`target_kind`);--> statement-breakpoint
CREATE INDEX `seminar_outcomes_target_idx` ON `seminar_outcomes` (`target_kind`,`target_id`);--> statement-breakpoint
CREATE INDEX `seminar_outcomes_seminar_idx` ON `seminar_outcomes` (`seminar_id`,`workshop_id`);--> statement-breakpoint
CREATE TABLE `seminar_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seminar_id` integer NOT NULL,
	`user_id` integer,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`side` text NOT NULL,
	`side_detail` text,
	`organisation` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`seminar_id`) REFERENCES `seminars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seminar_registrations_email_idx` ON `seminar_registrations` (`seminar_id`,`email`);--> statement-breakpoint
CREATE INDEX `seminar_registrations_user_idx` ON `seminar_registrations` (`user_id`);--> statement-breakpoint
CREATE TABLE `seminar_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seminar_id` integer NOT NULL,
	`position` integer NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`workshop_id` integer,
	FOREIGN KEY (`seminar_id`) REFERENCES `seminars`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seminar_slots_seminar_idx` ON `seminar_slots` (`seminar_id`,`position`);--> statement-breakpoint
CREATE TABLE `seminar_verbatims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seminar_id` integer NOT NULL,
	`text` text NOT NULL,
	`side` text,
	`consent` integer DEFAULT false NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`seminar_id`) REFERENCES `seminars`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "seminar_verbatims_consent" CHECK("seminar_verbatims"."published" = 0 or "seminar_verbatims"."consent" = 1)
);
--> statement-breakpoint
CREATE INDEX `seminar_verbatims_seminar_idx` ON `seminar_verbatims` (`seminar_id`,`position`);--> statement-breakpoint
CREATE TABLE `seminars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`objectives` text DEFAULT '[]' NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`registration_open` integer DEFAULT false NOT NULL,
	`positives` text DEFAULT '[]' NOT NULL,
	`improvements` text DEFAULT '[]' NOT NULL,
	`feedback_campaign_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`feedback_campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seminars_slug_unique` ON `seminars` (`slug`);--> statement-breakpoint
CREATE INDEX `seminars_date_idx` ON `seminars` (`published`,`date`);--> statement-breakpoint
CREATE TABLE `workshop_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workshop_id` integer NOT NULL,
	`participant_id` integer,
	`text` text NOT NULL,
	`theme_id` integer,
	`cluster_id` integer,
	`redactions` text DEFAULT '{}' NOT NULL,
	`hidden_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `workshop_participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cluster_id`) REFERENCES `workshop_clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workshop_cards_workshop_idx` ON `workshop_cards` (`workshop_id`,`id`);--> statement-breakpoint
CREATE INDEX `workshop_cards_participant_idx` ON `workshop_cards` (`participant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `workshop_cards_cluster_idx` ON `workshop_cards` (`cluster_id`);--> statement-breakpoint
CREATE TABLE `workshop_clusters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workshop_id` integer NOT NULL,
	`title` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workshop_clusters_workshop_idx` ON `workshop_clusters` (`workshop_id`,`position`);--> statement-breakpoint
CREATE TABLE `workshop_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workshop_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workshop_participants_token_idx` ON `workshop_participants` (`workshop_id`,`token_hash`);--> statement-breakpoint
CREATE TABLE `workshop_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workshop_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`card_id` integer,
	`cluster_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `workshop_participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `workshop_cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cluster_id`) REFERENCES `workshop_clusters`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "workshop_votes_one_target" CHECK(("workshop_votes"."card_id" is null) <> ("workshop_votes"."cluster_id" is null))
);
--> statement-breakpoint
CREATE INDEX `workshop_votes_participant_idx` ON `workshop_votes` (`workshop_id`,`participant_id`);--> statement-breakpoint
CREATE INDEX `workshop_votes_card_idx` ON `workshop_votes` (`card_id`);--> statement-breakpoint
CREATE INDEX `workshop_votes_cluster_idx` ON `workshop_votes` (`cluster_id`);--> statement-breakpoint
CREATE TABLE `workshops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seminar_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`question` text NOT NULL,
	`facilitator_id` integer,
	`facilitator_label` text DEFAULT '' NOT NULL,
	`capacity` integer,
	`code` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`voting_open` integer DEFAULT false NOT NULL,
	`dots_per_participant` integer DEFAULT 3 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`seminar_id`) REFERENCES `seminars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facilitator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workshops_code_unique` ON `workshops` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `workshops_number_idx` ON `workshops` (`seminar_id`,`number`);--> statement-breakpoint
CREATE INDEX `workshops_facilitator_idx` ON `workshops` (`facilitator_id`);