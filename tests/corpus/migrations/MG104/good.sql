-- The old name stays readable through a view until no running code uses it.
ALTER TABLE clip RENAME TO clips;
CREATE VIEW clip AS SELECT * FROM clips;
-- A table created in this migration can be renamed freely.
CREATE TABLE render_tmp (id bigint PRIMARY KEY);
ALTER TABLE render_tmp RENAME TO renders;
