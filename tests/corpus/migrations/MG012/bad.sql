VACUUM FULL videos; -- expect: MG012
VACUUM (FULL, ANALYZE) clips; -- expect: MG012
CLUSTER videos USING idx_videos_owner_id; -- expect: MG012
ALTER TABLE videos SET TABLESPACE fast_ssd; -- expect: MG012
ALTER TABLE events SET LOGGED; -- expect: MG012
ALTER TABLE clips ADD COLUMN seq bigserial; -- expect: MG012
ALTER TABLE clips ADD COLUMN ordinal bigint GENERATED ALWAYS AS IDENTITY; -- expect: MG012
ALTER TABLE clips -- expect: MG012
    ADD COLUMN length numeric GENERATED ALWAYS AS (ends_at - starts_at) STORED;
