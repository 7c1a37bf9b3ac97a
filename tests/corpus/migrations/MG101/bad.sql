ALTER TABLE videos DROP COLUMN legacy_url; -- expect: MG101
ALTER TABLE clips DROP COLUMN IF EXISTS old_note, DROP COLUMN tmp_flag; -- expect: MG101
