ALTER TABLE videos ADD COLUMN status text NOT NULL DEFAULT 'draft';
ALTER TABLE videos ADD COLUMN kind text;
ALTER TABLE clips ADD COLUMN position integer, ADD COLUMN layer integer NOT NULL DEFAULT 0;
ALTER TABLE clips ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
-- A table created in the same migration has no rows yet.
CREATE TABLE renders (id bigint PRIMARY KEY);
ALTER TABLE renders ADD COLUMN status text NOT NULL;
