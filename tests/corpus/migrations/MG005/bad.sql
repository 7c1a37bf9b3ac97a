ALTER TABLE videos ADD CONSTRAINT ck_videos_duration_positive CHECK (duration > 0); -- expect: MG005
ALTER TABLE clips -- expect: MG005
    ADD CONSTRAINT fk_clips_video_id_videos
    FOREIGN KEY (video_id) REFERENCES videos (id);
ALTER TABLE clips ADD CHECK (ends_at > starts_at); -- expect: MG005
ALTER TABLE clips ADD COLUMN render_id bigint REFERENCES renders (id); -- expect: MG005
ALTER TABLE clips ADD COLUMN speed numeric CHECK (speed > 0); -- expect: MG005
