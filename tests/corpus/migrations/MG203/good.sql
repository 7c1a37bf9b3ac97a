CREATE TABLE renders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id bigint REFERENCES videos (id),
    attempt integer NOT NULL
);
CREATE TABLE tags (id bigserial PRIMARY KEY, label text);
CREATE TABLE clip_tags (
    clip_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (clip_id, tag_id)
);
ALTER TABLE clips ADD COLUMN render_id bigint REFERENCES renders (id);
ALTER TABLE videos ADD CONSTRAINT fk_videos_project_id_projects
    FOREIGN KEY (project_id) REFERENCES projects (id) NOT VALID;
ALTER TABLE videos ADD COLUMN frame_count integer;
