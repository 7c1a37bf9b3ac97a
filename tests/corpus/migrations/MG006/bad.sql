BEGIN;
ALTER TABLE videos ADD CONSTRAINT ck_videos_duration_positive CHECK (duration > 0) NOT VALID;
ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_duration_positive; -- expect: MG006
ALTER TABLE clips ADD CONSTRAINT fk_clips_video_id_videos
    FOREIGN KEY (video_id) REFERENCES videos (id) NOT VALID;
ALTER TABLE clips VALIDATE CONSTRAINT fk_clips_video_id_videos; -- expect: MG006
COMMIT;
