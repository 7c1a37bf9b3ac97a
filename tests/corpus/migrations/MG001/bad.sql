-- Indexes built on tables that already hold data block writes while they build.
CREATE INDEX idx_videos_owner_id ON videos (owner_id); -- expect: MG001
CREATE UNIQUE INDEX idx_users_email ON users (email); -- expect: MG001
CREATE INDEX idx_clips_video_id_started_at -- expect: MG001
    ON public.clips USING btree (video_id, started_at)
    WHERE deleted_at IS NULL;
CREATE INDEX ON media.assets (checksum); -- expect: MG001
