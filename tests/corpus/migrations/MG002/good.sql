DROP INDEX CONCURRENTLY idx_videos_owner_id;
DROP INDEX CONCURRENTLY IF EXISTS public.idx_users_email;
-- An index on a table created in this migration: nobody else is using it yet.
CREATE TABLE renders (id bigint PRIMARY KEY, video_id bigint);
CREATE INDEX idx_renders_video_id ON renders (video_id);
DROP INDEX idx_renders_video_id;
