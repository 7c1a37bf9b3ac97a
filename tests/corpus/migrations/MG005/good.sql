ALTER TABLE videos ADD CONSTRAINT ck_videos_duration_positive CHECK (duration > 0) NOT VALID;
ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_duration_positive;
ALTER TABLE clips
    ADD CONSTRAINT fk_clips_video_id_videos
    FOREIGN KEY (video_id) REFERENCES videos (id) NOT VALID;
ALTER TABLE clips VALIDATE CONSTRAINT fk_clips_video_id_videos;
-- Constraints on a table created in the same migration check no existing rows.
CREATE TABLE renders (id bigint PRIMARY KEY, video_id bigint, seconds integer);
ALTER TABLE renders ADD CONSTRAINT ck_renders_seconds CHECK (seconds >= 0);
ALTER TABLE renders ADD CONSTRAINT fk_renders_video_id_videos FOREIGN KEY (video_id) REFERENCES videos (id) NOT VALID;
-- The new column first, its constraints NOT VALID afterwards.
ALTER TABLE clips ADD COLUMN render_id bigint;
ALTER TABLE clips ADD CONSTRAINT fk_clips_render_id_renders FOREIGN KEY (render_id) REFERENCES renders (id) NOT VALID;
ALTER TABLE clips ADD COLUMN speed numeric;
ALTER TABLE clips ADD CONSTRAINT ck_clips_speed_positive CHECK (speed > 0) NOT VALID;
ALTER TABLE renders ADD COLUMN parent_id bigint REFERENCES renders (id);
