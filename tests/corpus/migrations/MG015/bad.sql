BEGIN;
ALTER TABLE videos ADD COLUMN status text;
UPDATE videos SET status = 'ready' WHERE status IS NULL; -- expect: MG015
CREATE INDEX idx_videos_status ON videos (status); -- expect: MG015
ALTER TABLE clips ADD COLUMN note text; -- expect: MG015
ALTER TABLE videos ALTER COLUMN status SET NOT NULL; -- expect: MG015
COMMIT;
