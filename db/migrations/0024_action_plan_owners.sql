CREATE TABLE `action_organisations` (
	`action_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`action_id`, `organisation_id`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_organisations_organisation_idx` ON `action_organisations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `action_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`actor_id` integer,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_status_changes_action_idx` ON `action_status_changes` (`action_id`,`id`);--> statement-breakpoint
ALTER TABLE `action_steps` ADD `status` text DEFAULT 'a-faire' NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `responsible_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `actions` ADD `status_updated_at` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `stale_reminded_at` text;--> statement-breakpoint
ALTER TABLE `deadline_changes` ADD `reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `actions` SET `status_updated_at` = `updated_at`;--> statement-breakpoint
INSERT OR IGNORE INTO `action_organisations` (`action_id`, `organisation_id`, `role`)
  SELECT `id`, `lead_organisation_id`, 'lead' FROM `actions` WHERE `lead_organisation_id` IS NOT NULL;--> statement-breakpoint
UPDATE `actions` SET `lead_kind` = CASE
    WHEN (SELECT `kind` FROM `organisations` WHERE `organisations`.`id` = `actions`.`lead_organisation_id`) = 'vendor' THEN 'editeurs'
    ELSE 'pouvoirs-publics' END,
  `lead_organisation_id` = NULL
  WHERE `lead_kind` = 'organisation';--> statement-breakpoint
UPDATE `actions` SET `lead_organisation_id` = NULL;--> statement-breakpoint
INSERT INTO `action_status_changes` (`action_id`, `from_status`, `to_status`, `actor_id`, `changed_at`)
  SELECT `subject_id`, json_extract(`payload`, '$.from'), json_extract(`payload`, '$.to'), `actor_id`, `created_at` FROM `events`
  WHERE `type` = 'action.status_changed' AND `subject_type` = 'action' AND `subject_id` IN (SELECT `id` FROM `actions`)
  ORDER BY `id`;
