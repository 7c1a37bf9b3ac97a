CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email);
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email;
CREATE UNIQUE INDEX CONCURRENTLY pk_tags ON tags (id);
ALTER TABLE tags ADD CONSTRAINT pk_tags PRIMARY KEY USING INDEX pk_tags;
ALTER TABLE videos ADD COLUMN slug text;
CREATE UNIQUE INDEX CONCURRENTLY uq_videos_slug ON videos (slug);
ALTER TABLE videos ADD CONSTRAINT uq_videos_slug UNIQUE USING INDEX uq_videos_slug;
-- A table created in the same migration has no rows to index.
CREATE TABLE renders (id bigint NOT NULL, code text);
ALTER TABLE renders ADD CONSTRAINT uq_renders_code UNIQUE (code);
