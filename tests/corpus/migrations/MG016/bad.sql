UPDATE videos SET status = 'ready'; -- expect: MG016
DELETE FROM sessions; -- expect: MG016
UPDATE clips SET muted = false WHERE true; -- expect: MG016
DELETE FROM audit_log WHERE 1 = 1; -- expect: MG016
UPDATE public.users -- expect: MG016
SET email = lower(email);
-- Every existing row is NULL in a column just added without a default.
ALTER TABLE videos ADD COLUMN state text;
UPDATE videos SET state = 'ready' WHERE state IS NULL; -- expect: MG016
