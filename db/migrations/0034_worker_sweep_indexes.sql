CREATE INDEX `irritants_hidden_idx` ON `irritants` (`hidden_at`) WHERE "irritants"."hidden_at" is not null;--> statement-breakpoint
CREATE INDEX `irritants_behalf_idx` ON `irritants` (`id`) WHERE "irritants"."behalf_name" is not null;--> statement-breakpoint
CREATE INDEX `notifications_event_idx` ON `notifications` (`event_id`);--> statement-breakpoint
CREATE INDEX `outbox_emails_event_idx` ON `outbox_emails` (`event_id`);