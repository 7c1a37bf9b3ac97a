CREATE INDEX CONCURRENTLY idx_videos_owner_id ON videos (owner_id);
CREATE UNIQUE INDEX CONCURRENTLY idx_users_email ON users (email);
CREATE INDEX CONCURRENTLY idx_clips_video_id_started_at
    ON public.clips USING btree (video_id, started_at)
    WHERE deleted_at IS NULL;
-- A table created earlier in the same migration is new and empty: a plain build is fine.
CREATE TABLE renders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id bigint NOT NULL
);
CREATE INDEX idx_renders_video_id ON renders (video_id);
