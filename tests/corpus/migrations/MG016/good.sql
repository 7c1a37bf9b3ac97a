-- Batches keyed by id, each its own transaction.
UPDATE videos SET status = 'ready' WHERE id >= 0 AND id < 10000;
UPDATE videos SET status = 'ready' WHERE id >= 10000 AND id < 20000;
DELETE FROM sessions WHERE expires_at < now() - interval '30 days';
UPDATE clips SET muted = false WHERE id IN (SELECT id FROM clips WHERE muted IS NULL LIMIT 5000);
-- Rows written to a table created in the same migration are the migration's own.
CREATE TABLE renders (id bigint PRIMARY KEY, status text);
INSERT INTO renders VALUES (1, 'new');
UPDATE renders SET status = 'queued';
ALTER TABLE videos ADD COLUMN state text;
UPDATE videos SET state = 'ready' WHERE state IS NULL AND id >= 0 AND id < 10000;
-- A column that was not just added: `IS NULL` selects only some rows.
UPDATE clips SET note = '' WHERE note IS NULL;
