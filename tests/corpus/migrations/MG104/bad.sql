ALTER TABLE clip RENAME TO clips; -- expect: MG104
ALTER TABLE IF EXISTS media.asset RENAME TO assets; -- expect: MG104
