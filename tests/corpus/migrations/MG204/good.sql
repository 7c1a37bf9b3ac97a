CREATE TABLE languages (code text PRIMARY KEY CHECK (length(code) = 2), name text);
ALTER TABLE videos ADD COLUMN country varchar(2);
ALTER TABLE clips ALTER COLUMN kind TYPE text;
-- The one-byte internal type "char" is not char(n).
ALTER TABLE clips ADD COLUMN flag "char";
