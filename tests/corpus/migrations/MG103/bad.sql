ALTER TABLE videos RENAME COLUMN name TO title; -- expect: MG103
ALTER TABLE public.clips RENAME start_ms TO starts_at_ms; -- expect: MG103
