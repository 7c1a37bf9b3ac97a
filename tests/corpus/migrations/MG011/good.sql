-- Binary-coercible changes only relabel the column: no rewrite.
ALTER TABLE videos ALTER COLUMN title TYPE varchar(200);
ALTER TABLE videos ALTER COLUMN summary TYPE text;
ALTER TABLE videos ALTER COLUMN notes TYPE varchar;
ALTER TABLE videos ALTER COLUMN price TYPE numeric(14, 2);
ALTER TABLE videos ALTER COLUMN rating TYPE numeric;
ALTER TABLE videos ALTER COLUMN client_ip TYPE inet;
ALTER TABLE videos ALTER COLUMN published_at TYPE timestamp(6);
ALTER TABLE videos ALTER COLUMN flags TYPE varbit;
ALTER TABLE videos ALTER COLUMN duration TYPE integer USING duration;
-- PostgreSQL 12+ with the session time zone in UTC: timestamp -> timestamptz keeps the bytes.
SET TimeZone = 'UTC';
ALTER TABLE videos ALTER COLUMN recorded_at TYPE timestamptz;
-- The old type is unknown here: a change to text or varchar is taken as a widening.
ALTER TABLE clips ALTER COLUMN label TYPE text;
-- A table created in the same migration holds no rows to rewrite.
CREATE TABLE renders (id bigint PRIMARY KEY, seconds integer);
ALTER TABLE renders ALTER COLUMN seconds TYPE bigint;
