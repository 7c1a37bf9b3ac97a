BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE videos ADD COLUMN status text;
-- Quick catalog changes to the table already locked add no waiting.
ALTER TABLE videos ADD COLUMN priority integer;
ALTER TABLE videos ALTER COLUMN priority SET DEFAULT 0;
-- A wait for another table's lock is bounded by lock_timeout.
ALTER TABLE clips ADD COLUMN note text;
COMMIT;
-- The slow work runs after the lock is released.
UPDATE videos SET status = 'ready' WHERE status IS NULL AND id < 10000;
CREATE INDEX CONCURRENTLY idx_videos_status ON videos (status);
BEGIN;
-- A table created in this transaction is locked by nobody else.
CREATE TABLE renders (id bigint PRIMARY KEY, video_id bigint);
CREATE INDEX idx_renders_video_id ON renders (video_id);
INSERT INTO renders VALUES (1, 1);
COMMIT;
BEGIN;
-- The dropped table's lock blocks no one who could still use the table.
DROP TABLE legacy_renders;
UPDATE videos SET status = 'ready' WHERE id = 1;
ALTER TABLE clips ADD COLUMN legacy_render_id bigint;
COMMIT;
