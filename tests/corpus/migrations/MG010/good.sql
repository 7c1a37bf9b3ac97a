-- PostgreSQL 11+: constant and stable defaults are stored in the catalog, no rewrite.
ALTER TABLE videos ADD COLUMN status text NOT NULL DEFAULT 'draft';
ALTER TABLE videos ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE videos ADD COLUMN recorded_on date DEFAULT CURRENT_DATE;
ALTER TABLE clips ADD COLUMN speed numeric DEFAULT 1.0;
ALTER TABLE clips ADD COLUMN tags text[] DEFAULT '{}'::text[];
-- The volatile default goes on after the column exists (new rows only).
ALTER TABLE videos ADD COLUMN public_id uuid;
ALTER TABLE videos ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
-- A table created in the same migration has nothing to rewrite.
CREATE TABLE renders (id bigint PRIMARY KEY);
ALTER TABLE renders ADD COLUMN token uuid DEFAULT gen_random_uuid();
