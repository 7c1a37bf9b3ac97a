-- PostgreSQL 12+: a validated CHECK (col IS NOT NULL) lets SET NOT NULL skip its scan.
ALTER TABLE videos ADD CONSTRAINT ck_videos_title_not_null CHECK (title IS NOT NULL) NOT VALID;
ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_title_not_null;
ALTER TABLE videos ALTER COLUMN title SET NOT NULL;
ALTER TABLE videos DROP CONSTRAINT ck_videos_title_not_null;
-- A table created in the same migration is empty.
CREATE TABLE renders (id bigint PRIMARY KEY, video_id bigint);
ALTER TABLE renders ALTER COLUMN video_id SET NOT NULL;
