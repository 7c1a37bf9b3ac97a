ALTER TABLE videos ALTER COLUMN duration TYPE bigint; -- expect: MG011
ALTER TABLE videos ALTER COLUMN title TYPE varchar(50); -- expect: MG011
ALTER TABLE videos ALTER COLUMN price TYPE numeric(12, 4); -- expect: MG011
-- Without the session in UTC, timestamp -> timestamptz rewrites.
ALTER TABLE videos ALTER COLUMN recorded_at TYPE timestamptz; -- expect: MG011
ALTER TABLE videos ALTER COLUMN code TYPE text; -- expect: MG011
ALTER TABLE videos ALTER COLUMN notes TYPE varchar(500); -- expect: MG011
ALTER TABLE videos ALTER COLUMN payload TYPE jsonb USING payload::jsonb; -- expect: MG011
ALTER TABLE videos ALTER COLUMN rating TYPE numeric(6, 2) USING round(rating, 2); -- expect: MG011
ALTER TABLE videos ALTER COLUMN published_at TYPE timestamp(0); -- expect: MG011
-- The old type is unknown here; a change to a non-text type is reported.
ALTER TABLE clips ALTER COLUMN frame_count TYPE bigint; -- expect: MG011
