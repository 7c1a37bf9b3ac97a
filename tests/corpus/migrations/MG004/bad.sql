BEGIN;
CREATE INDEX CONCURRENTLY idx_videos_owner_id ON videos (owner_id); -- expect: MG004
DROP INDEX CONCURRENTLY idx_videos_legacy; -- expect: MG004
REINDEX INDEX CONCURRENTLY idx_clips_video_id; -- expect: MG004
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY; -- expect: MG004
COMMIT;
