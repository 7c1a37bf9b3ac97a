SET lock_timeout = '5s';
ALTER TABLE videos ADD COLUMN archived_at timestamptz;
ALTER TABLE clips ADD COLUMN note text;
CREATE INDEX idx_videos_archived_at ON videos (archived_at);
