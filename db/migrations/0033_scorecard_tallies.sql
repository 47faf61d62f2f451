CREATE TABLE `ticket_scorecard_cells` (
	`vendor_id` integer NOT NULL,
	`first_response_days` integer NOT NULL,
	`tickets` integer DEFAULT 0 NOT NULL,
	`resolved` integer DEFAULT 0 NOT NULL,
	`fix_answered` integer DEFAULT 0 NOT NULL,
	`fix_confirmed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`vendor_id`, `first_response_days`)
);
--> statement-breakpoint
CREATE TABLE `ticket_scorecard_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`max_ticket_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tickets_vendor_newest_idx` ON `tickets` (`vendor_id`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_unanswered_idx` ON `tickets` (`vendor_id`,`first_response_due`,`resolution`) WHERE first_response_at is null;--> statement-breakpoint
-- In step with an empty tickets table; behind (-1) when tickets exist, so that the first read builds the tallies.
INSERT INTO `ticket_scorecard_state` (`id`, `max_ticket_id`) SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM `tickets`) THEN -1 ELSE 0 END;
