CREATE TABLE `obligation_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`obligation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`document_type` text NOT NULL,
	`dmp` integer NOT NULL,
	`mss_professionals` integer NOT NULL,
	`mss_patient` integer NOT NULL,
	`effective_label` text NOT NULL,
	`effective_due` text,
	FOREIGN KEY (`obligation_id`) REFERENCES `obligations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `obligation_documents_obligation_idx` ON `obligation_documents` (`obligation_id`,`position`);--> statement-breakpoint
CREATE TABLE `obligation_links` (
	`obligation_id` integer NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`obligation_id`, `target_kind`, `target_id`),
	FOREIGN KEY (`obligation_id`) REFERENCES `obligations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `obligation_links_target_idx` ON `obligation_links` (`target_kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `obligations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'en-vigueur' NOT NULL,
	`source_reference` text NOT NULL,
	`source_url` text,
	`effective_label` text DEFAULT '' NOT NULL,
	`effective_due` text,
	`effective_kind` text DEFAULT 'unparsed' NOT NULL,
	`audiences` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `obligations_slug_unique` ON `obligations` (`slug`);--> statement-breakpoint
CREATE INDEX `obligations_due_idx` ON `obligations` (`effective_due`);