-- corpus: pg_version=10
ALTER TABLE videos ADD COLUMN status text;
ALTER TABLE videos ALTER COLUMN status SET DEFAULT 'draft';
ALTER TABLE videos ADD COLUMN created_at timestamptz DEFAULT NULL;
