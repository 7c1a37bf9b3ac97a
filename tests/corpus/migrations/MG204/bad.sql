CREATE TABLE languages (code char(2) PRIMARY KEY, name text); -- expect: MG204
ALTER TABLE videos ADD COLUMN country character(2); -- expect: MG204
ALTER TABLE clips ALTER COLUMN kind TYPE char(5); -- expect: MG204
ALTER TABLE clips ADD COLUMN flag char; -- expect: MG204
