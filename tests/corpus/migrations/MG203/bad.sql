CREATE TABLE renders ( -- expect: MG203
    id serial PRIMARY KEY,
    video_id integer REFERENCES videos (id)
);
CREATE TABLE tags (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label text); -- expect: MG203
CREATE TABLE clip_tags ( -- expect: MG203
    clip_id smallint NOT NULL,
    tag_id bigint NOT NULL,
    PRIMARY KEY (clip_id, tag_id)
);
ALTER TABLE clips ADD COLUMN render_id int REFERENCES renders (id); -- expect: MG203
ALTER TABLE videos ADD CONSTRAINT fk_videos_owner_id_users -- expect: MG203
    FOREIGN KEY (owner_id) REFERENCES users (id) NOT VALID;
