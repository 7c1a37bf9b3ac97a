CREATE INDEX CONCURRENTLY idx_video_render_jobs_requester_started_finished
    ON video_render_jobs (requested_by_user_id, started_at, finished_at);
ALTER TABLE video_render_jobs ADD COLUMN queued_seconds integer;
CREATE TABLE render_job_attempts (id bigint PRIMARY KEY);
ALTER TABLE clips ADD CONSTRAINT ck_clips_ends_after_starts CHECK (ends_at > starts_at) NOT VALID;
-- Long text in literals and comments is not an identifier.
COMMENT ON TABLE clips IS 'Clips hold the cut points of a video, in milliseconds from the start of the source file';
