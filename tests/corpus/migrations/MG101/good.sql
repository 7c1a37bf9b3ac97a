-- Release 1 removes `legacy_url` from the models; the drop ships in a later release.
-- A column of a table created in this same migration is used by no running code.
CREATE TABLE renders (id bigint PRIMARY KEY, scratch text);
ALTER TABLE renders DROP COLUMN scratch;
