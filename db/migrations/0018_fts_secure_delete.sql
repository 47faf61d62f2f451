-- Deleting a row from an FTS5 index normally only records a delete marker: the words stay in the index's
-- segments (irritants_fts_data) until a merge. With 'secure-delete' (SQLite 3.44+; a persistent option of the
-- table) the words are removed at once, so an erased irritant's text does not linger in the database file.
INSERT INTO `irritants_fts`(`irritants_fts`, `rank`) VALUES ('secure-delete', 1);
