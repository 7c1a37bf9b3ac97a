-- Outside a transaction block each statement runs on its own, as CONCURRENTLY requires.
CREATE INDEX CONCURRENTLY idx_videos_owner_id ON videos (owner_id);
DROP INDEX CONCURRENTLY idx_videos_legacy;
REINDEX INDEX CONCURRENTLY idx_clips_video_id;
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;
BEGIN;
CREATE INDEX idx_renders_video_id ON renders (video_id);
COMMIT;
