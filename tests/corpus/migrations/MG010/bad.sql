ALTER TABLE videos ADD COLUMN public_id uuid DEFAULT gen_random_uuid(); -- expect: MG010
ALTER TABLE videos ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp(); -- expect: MG010
ALTER TABLE clips ADD COLUMN jitter double precision NOT NULL DEFAULT random(); -- expect: MG010
