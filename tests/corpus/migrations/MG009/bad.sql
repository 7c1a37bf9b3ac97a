ALTER TABLE videos ADD COLUMN status text NOT NULL; -- expect: MG009
ALTER TABLE videos ADD COLUMN kind text NOT NULL DEFAULT NULL; -- expect: MG009
ALTER TABLE clips ADD COLUMN position integer, ADD COLUMN layer integer NOT NULL; -- expect: MG009
