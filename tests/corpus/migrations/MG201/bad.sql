CREATE TABLE renders ( -- expect: MG201
    id bigint PRIMARY KEY,
    started_at timestamp NOT NULL,
    finished_at timestamp without time zone
);
ALTER TABLE videos ADD COLUMN published_at timestamp(3); -- expect: MG201
ALTER TABLE clips ALTER COLUMN cut_at TYPE timestamp; -- expect: MG201
