-- NOT VALID, then VALIDATE in a separate transaction: the classic safe pair.
BEGIN;
ALTER TABLE videos ADD CONSTRAINT ck_videos_duration_positive CHECK (duration > 0) NOT VALID;
ALTER TABLE clips ADD CONSTRAINT fk_clips_video_id_videos
    FOREIGN KEY (video_id) REFERENCES videos (id) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_duration_positive;
COMMIT;
ALTER TABLE clips VALIDATE CONSTRAINT fk_clips_video_id_videos;
