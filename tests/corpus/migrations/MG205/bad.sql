CREATE INDEX CONCURRENTLY idx_video_render_jobs_requested_by_user_id_and_started_at_and_finished_at -- expect: MG205
    ON video_render_jobs (requested_by_user_id, started_at, finished_at);
ALTER TABLE video_render_jobs ADD COLUMN "Time the render job spent waiting in the render queue, in seconds (p95)" integer; -- expect: MG205
CREATE TABLE render_job_attempts_with_every_detail_of_the_encoder_configuration_used ( -- expect: MG205
    id bigint PRIMARY KEY
);
ALTER TABLE clips ADD CONSTRAINT ck_clips_ends_after_starts_and_duration_below_the_configured_maximum -- expect: MG205
    CHECK (ends_at > starts_at) NOT VALID;
