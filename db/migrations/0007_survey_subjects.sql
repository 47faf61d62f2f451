ALTER TABLE `campaigns` ADD `subject_kind` text DEFAULT 'software' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `subject_services` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `subject_service` text;