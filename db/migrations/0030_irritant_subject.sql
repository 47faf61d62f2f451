ALTER TABLE `irritants` ADD `subject` text;--> statement-breakpoint
CREATE INDEX `irritants_subject_idx` ON `irritants` (`subject`,`id`);--> statement-breakpoint
-- Existing patients' reports: their subject was stored only as the themes it gave (app/modules/irritants/patient-subjects.ts).
-- A report whose themes are still exactly one subject's gets that subject; any other keeps none (decision 025).
UPDATE `irritants` SET `subject` = (
  SELECT CASE group_concat(`t`.`slug`, ',' ORDER BY `t`.`slug`)
    WHEN 'mes-dmp' THEN 'mon-espace-sante'
    WHEN 'mes-dmp,mssante' THEN 'messagerie-mes'
    WHEN 'ordonnance-numerique' THEN 'ordonnance-numerique'
    WHEN 'ins' THEN 'identite'
    WHEN 'autre' THEN 'autre-service'
  END
  FROM `irritant_themes` `it` JOIN `themes` `t` ON `t`.`id` = `it`.`theme_id`
  WHERE `it`.`irritant_id` = `irritants`.`id`
)
WHERE `lane` = 'patient' AND `subject` IS NULL;
