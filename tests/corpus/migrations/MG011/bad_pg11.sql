-- corpus: pg_version=11
-- Before PostgreSQL 12, timestamp -> timestamptz rewrites even with the session in UTC.
SET TimeZone = 'UTC';
ALTER TABLE videos ALTER COLUMN recorded_at TYPE timestamptz; -- expect: MG011
