CREATE TABLE `ticket_unanswered_due` (
	`vendor_id` integer NOT NULL,
	`due` text NOT NULL,
	`tickets` integer NOT NULL,
	PRIMARY KEY(`vendor_id`, `due`)
);
--> statement-breakpoint
CREATE TRIGGER `ticket_unanswered_due_insert` AFTER INSERT ON `tickets`
WHEN new.`first_response_at` IS NULL AND (new.`resolution` IS NULL OR new.`resolution` != 'other_product') BEGIN
  INSERT INTO `ticket_unanswered_due` (`vendor_id`, `due`, `tickets`) VALUES (new.`vendor_id`, new.`first_response_due`, 1)
    ON CONFLICT (`vendor_id`, `due`) DO UPDATE SET `tickets` = `tickets` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_unanswered_due_delete` AFTER DELETE ON `tickets`
WHEN old.`first_response_at` IS NULL AND (old.`resolution` IS NULL OR old.`resolution` != 'other_product') BEGIN
  UPDATE `ticket_unanswered_due` SET `tickets` = `tickets` - 1 WHERE `vendor_id` = old.`vendor_id` AND `due` = old.`first_response_due`;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_unanswered_due_update_old` AFTER UPDATE OF `first_response_at`, `resolution`, `vendor_id`, `first_response_due` ON `tickets`
WHEN old.`first_response_at` IS NULL AND (old.`resolution` IS NULL OR old.`resolution` != 'other_product') BEGIN
  UPDATE `ticket_unanswered_due` SET `tickets` = `tickets` - 1 WHERE `vendor_id` = old.`vendor_id` AND `due` = old.`first_response_due`;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_unanswered_due_update_new` AFTER UPDATE OF `first_response_at`, `resolution`, `vendor_id`, `first_response_due` ON `tickets`
WHEN new.`first_response_at` IS NULL AND (new.`resolution` IS NULL OR new.`resolution` != 'other_product') BEGIN
  INSERT INTO `ticket_unanswered_due` (`vendor_id`, `due`, `tickets`) VALUES (new.`vendor_id`, new.`first_response_due`, 1)
    ON CONFLICT (`vendor_id`, `due`) DO UPDATE SET `tickets` = `tickets` + 1;
END;
--> statement-breakpoint
INSERT INTO `ticket_unanswered_due` (`vendor_id`, `due`, `tickets`)
  SELECT `vendor_id`, `first_response_due`, count(*) FROM `tickets` INDEXED BY `tickets_unanswered_idx`
  WHERE `first_response_at` IS NULL AND (`resolution` IS NULL OR `resolution` != 'other_product')
  GROUP BY `vendor_id`, `first_response_due`;
