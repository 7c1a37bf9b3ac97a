CREATE TABLE render_settings (
    id bigint PRIMARY KEY,
    options jsonb NOT NULL DEFAULT '{}'
);
ALTER TABLE videos ADD COLUMN metadata jsonb;
ALTER TABLE clips ALTER COLUMN effects TYPE jsonb USING effects::jsonb;
