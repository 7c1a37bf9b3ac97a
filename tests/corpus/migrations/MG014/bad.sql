-- No lock_timeout anywhere: the first statement that waits for a strong lock is reported.
CREATE INDEX CONCURRENTLY idx_videos_owner_id ON videos (owner_id);
CREATE TABLE renders (id bigint PRIMARY KEY);
ALTER TABLE videos ADD COLUMN archived_at timestamptz; -- expect: MG014
ALTER TABLE clips ADD COLUMN note text;
