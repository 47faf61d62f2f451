ALTER TABLE `outbox_emails` ADD `digest_id` integer;--> statement-breakpoint
CREATE INDEX `outbox_emails_digest_idx` ON `outbox_emails` (`digest_id`);--> statement-breakpoint
-- E-mails digested before this migration: their digest is the first one of the same person composed after them
-- (a held e-mail waits for the next digest, which gathers every held e-mail of its person).
UPDATE `outbox_emails` SET `digest_id` = (
  SELECT `g`.`id` FROM `outbox_emails` AS `g`
  WHERE `g`.`user_id` = `outbox_emails`.`user_id` AND `g`.`kind` = 'digest' AND `g`.`created_at` >= `outbox_emails`.`created_at`
  ORDER BY `g`.`created_at`, `g`.`id` LIMIT 1
) WHERE `status` = 'digested';
