CREATE TABLE renders (
    id bigint PRIMARY KEY,
    started_at timestamptz NOT NULL,
    finished_at timestamp with time zone
);
ALTER TABLE videos ADD COLUMN published_at timestamptz(3);
ALTER TABLE clips ALTER COLUMN cut_at TYPE timestamptz;
ALTER TABLE clips ADD COLUMN recorded_on date;
