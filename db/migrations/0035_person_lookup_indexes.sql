CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE INDEX `invitations_invitee_only_idx` ON `invitations` (`invitee_id`);--> statement-breakpoint
CREATE INDEX `participations_user_idx` ON `participations` (`user_id`);