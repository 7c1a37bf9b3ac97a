-- corpus: pg_version=11
-- Before PostgreSQL 12 a validated CHECK does not spare SET NOT NULL its scan.
ALTER TABLE videos ADD CONSTRAINT ck_videos_title_not_null CHECK (title IS NOT NULL) NOT VALID;
ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_title_not_null;
ALTER TABLE videos ALTER COLUMN title SET NOT NULL; -- expect: MG008
