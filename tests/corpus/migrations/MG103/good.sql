-- Expand: a new column written by both application versions, backfilled in batches.
ALTER TABLE videos ADD COLUMN title text;
UPDATE videos SET title = name WHERE id >= 0 AND id < 10000;
-- Renaming inside a table created in this migration breaks nothing.
CREATE TABLE renders (id bigint PRIMARY KEY, seconds integer);
ALTER TABLE renders RENAME COLUMN seconds TO duration_seconds;
-- Renaming an index is not a column rename.
ALTER INDEX idx_videos_name RENAME TO idx_videos_title;
