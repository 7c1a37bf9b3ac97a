-- A staging table created and dropped within the migration.
CREATE TABLE video_backfill (id bigint PRIMARY KEY, status text);
INSERT INTO video_backfill SELECT id, status FROM videos WHERE status IS NOT NULL;
DROP TABLE video_backfill;
DROP INDEX CONCURRENTLY IF EXISTS idx_legacy_renders_video_id;
