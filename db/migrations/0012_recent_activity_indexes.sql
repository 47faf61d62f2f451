DROP INDEX `events_type_idx`;--> statement-breakpoint
CREATE INDEX `events_type_idx` ON `events` (`type`,`created_at`);--> statement-breakpoint
CREATE INDEX `irritants_created_idx` ON `irritants` (`created_at`);