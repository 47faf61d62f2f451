-- Full-text index of irritants. The text is folded and stemmed by the application
-- (app/modules/irritants/text.ts) before it is written here, in the same transaction
-- as the irritant; rowid is the irritant id.
CREATE VIRTUAL TABLE `irritants_fts` USING fts5(`text`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
-- Theme counters, from the rows present when this migration runs.
UPDATE `themes` SET
  `irritant_count` = (SELECT count(*) FROM `irritant_themes` it JOIN `irritants` i ON i.id = it.irritant_id WHERE it.theme_id = `themes`.id AND i.merged_into_id IS NULL AND i.hidden_at IS NULL),
  `published_count` = (SELECT count(*) FROM `irritant_themes` it JOIN `irritants` i ON i.id = it.irritant_id WHERE it.theme_id = `themes`.id AND i.published = 1 AND i.merged_into_id IS NULL AND i.hidden_at IS NULL);
