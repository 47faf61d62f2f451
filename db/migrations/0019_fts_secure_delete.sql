-- Deleting a row from the full-text index (an irritant re-indexed after the team masked a passage, or erased by the
-- retention purge) removes its words from the index segments at once, instead of leaving them readable in the file
-- until a later merge. The setting is kept in the index's config table.
INSERT INTO `irritants_fts`(`irritants_fts`, `rank`) VALUES('secure-delete', 1);
