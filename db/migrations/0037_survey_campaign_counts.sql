CREATE TABLE `survey_campaign_counts` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`invitations_used` integer DEFAULT 0 NOT NULL,
	`emailed` integer DEFAULT 0 NOT NULL,
	`emailed_used` integer DEFAULT 0 NOT NULL,
	`emailed_reminded` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `survey_tally_state` ADD `revision` integer DEFAULT -1 NOT NULL;--> statement-breakpoint
-- Counts kept by triggers (issue 21): every path that inserts, deletes or edits a response or an invitation keeps them.
CREATE TRIGGER `survey_counts_response_insert` AFTER INSERT ON `responses` BEGIN
  INSERT OR IGNORE INTO `survey_campaign_counts` (`campaign_id`) VALUES (new.`campaign_id`);
  UPDATE `survey_campaign_counts` SET `responses` = `responses` + 1, `revision` = `revision` + 1 WHERE `campaign_id` = new.`campaign_id`;
END;--> statement-breakpoint
CREATE TRIGGER `survey_counts_response_delete` AFTER DELETE ON `responses` BEGIN
  UPDATE `survey_campaign_counts` SET `responses` = `responses` - 1, `revision` = `revision` + 1 WHERE `campaign_id` = old.`campaign_id`;
END;--> statement-breakpoint
CREATE TRIGGER `survey_counts_response_update` AFTER UPDATE ON `responses` BEGIN
  INSERT OR IGNORE INTO `survey_campaign_counts` (`campaign_id`) VALUES (new.`campaign_id`);
  UPDATE `survey_campaign_counts` SET `responses` = `responses` - 1, `revision` = `revision` + 1 WHERE `campaign_id` = old.`campaign_id`;
  UPDATE `survey_campaign_counts` SET `responses` = `responses` + 1, `revision` = `revision` + 1 WHERE `campaign_id` = new.`campaign_id`;
END;--> statement-breakpoint
CREATE TRIGGER `survey_counts_invitation_insert` AFTER INSERT ON `invitations` BEGIN
  INSERT OR IGNORE INTO `survey_campaign_counts` (`campaign_id`) VALUES (new.`campaign_id`);
  UPDATE `survey_campaign_counts` SET
    `invitations_used` = `invitations_used` + (new.`used_on` IS NOT NULL),
    `emailed` = `emailed` + (new.`invitee_id` IS NOT NULL),
    `emailed_used` = `emailed_used` + (new.`invitee_id` IS NOT NULL AND new.`used_on` IS NOT NULL),
    `emailed_reminded` = `emailed_reminded` + (new.`invitee_id` IS NOT NULL AND new.`reminded_at` IS NOT NULL)
  WHERE `campaign_id` = new.`campaign_id`;
END;--> statement-breakpoint
CREATE TRIGGER `survey_counts_invitation_delete` AFTER DELETE ON `invitations` BEGIN
  UPDATE `survey_campaign_counts` SET
    `invitations_used` = `invitations_used` - (old.`used_on` IS NOT NULL),
    `emailed` = `emailed` - (old.`invitee_id` IS NOT NULL),
    `emailed_used` = `emailed_used` - (old.`invitee_id` IS NOT NULL AND old.`used_on` IS NOT NULL),
    `emailed_reminded` = `emailed_reminded` - (old.`invitee_id` IS NOT NULL AND old.`reminded_at` IS NOT NULL)
  WHERE `campaign_id` = old.`campaign_id`;
END;--> statement-breakpoint
CREATE TRIGGER `survey_counts_invitation_update` AFTER UPDATE OF `campaign_id`, `used_on`, `invitee_id`, `reminded_at` ON `invitations` BEGIN
  INSERT OR IGNORE INTO `survey_campaign_counts` (`campaign_id`) VALUES (new.`campaign_id`);
  UPDATE `survey_campaign_counts` SET
    `invitations_used` = `invitations_used` - (old.`used_on` IS NOT NULL),
    `emailed` = `emailed` - (old.`invitee_id` IS NOT NULL),
    `emailed_used` = `emailed_used` - (old.`invitee_id` IS NOT NULL AND old.`used_on` IS NOT NULL),
    `emailed_reminded` = `emailed_reminded` - (old.`invitee_id` IS NOT NULL AND old.`reminded_at` IS NOT NULL)
  WHERE `campaign_id` = old.`campaign_id`;
  UPDATE `survey_campaign_counts` SET
    `invitations_used` = `invitations_used` + (new.`used_on` IS NOT NULL),
    `emailed` = `emailed` + (new.`invitee_id` IS NOT NULL),
    `emailed_used` = `emailed_used` + (new.`invitee_id` IS NOT NULL AND new.`used_on` IS NOT NULL),
    `emailed_reminded` = `emailed_reminded` + (new.`invitee_id` IS NOT NULL AND new.`reminded_at` IS NOT NULL)
  WHERE `campaign_id` = new.`campaign_id`;
END;--> statement-breakpoint
-- The counts of the campaigns already there, and the tallies that account for their responses as they are.
INSERT INTO `survey_campaign_counts` (`campaign_id`, `responses`, `revision`, `invitations_used`, `emailed`, `emailed_used`, `emailed_reminded`)
SELECT c.`id`,
  (SELECT count(*) FROM `responses` r WHERE r.`campaign_id` = c.`id`),
  (SELECT count(*) FROM `responses` r WHERE r.`campaign_id` = c.`id`),
  (SELECT count(*) FROM `invitations` i WHERE i.`campaign_id` = c.`id` AND i.`used_on` IS NOT NULL),
  (SELECT count(*) FROM `invitations` i WHERE i.`campaign_id` = c.`id` AND i.`invitee_id` IS NOT NULL),
  (SELECT count(*) FROM `invitations` i WHERE i.`campaign_id` = c.`id` AND i.`invitee_id` IS NOT NULL AND i.`used_on` IS NOT NULL),
  (SELECT count(*) FROM `invitations` i WHERE i.`campaign_id` = c.`id` AND i.`invitee_id` IS NOT NULL AND i.`reminded_at` IS NOT NULL)
FROM `campaigns` c;--> statement-breakpoint
UPDATE `survey_tally_state` SET `revision` = `survey_campaign_counts`.`revision`
FROM `survey_campaign_counts`
WHERE `survey_campaign_counts`.`campaign_id` = `survey_tally_state`.`campaign_id`
  AND `survey_tally_state`.`responses` = `survey_campaign_counts`.`responses`
  AND `survey_tally_state`.`last_response_id` = coalesce((SELECT max(r.`id`) FROM `responses` r WHERE r.`campaign_id` = `survey_tally_state`.`campaign_id`), 0);
