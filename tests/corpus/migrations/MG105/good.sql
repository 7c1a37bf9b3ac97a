-- A new nullable column instead of loosening one readers rely on.
ALTER TABLE videos ADD COLUMN subtitle text;
ALTER TABLE videos ALTER COLUMN title SET DEFAULT 'untitled';
CREATE TABLE renders (id bigint PRIMARY KEY, note text NOT NULL);
ALTER TABLE renders ALTER COLUMN note DROP NOT NULL;
