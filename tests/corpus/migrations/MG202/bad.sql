CREATE TABLE render_settings ( -- expect: MG202
    id bigint PRIMARY KEY,
    options json NOT NULL DEFAULT '{}'
);
ALTER TABLE videos ADD COLUMN metadata json; -- expect: MG202
ALTER TABLE clips ALTER COLUMN effects TYPE json USING effects::json; -- expect: MG202
