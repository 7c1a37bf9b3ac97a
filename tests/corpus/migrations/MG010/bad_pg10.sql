-- corpus: pg_version=10
-- Before PostgreSQL 11 any non-NULL default on a new column rewrites the table.
ALTER TABLE videos ADD COLUMN status text NOT NULL DEFAULT 'draft'; -- expect: MG010
ALTER TABLE videos ADD COLUMN created_at timestamptz DEFAULT now(); -- expect: MG010
