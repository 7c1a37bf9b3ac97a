-- corpus: pg_version=13
-- PostgreSQL 13 has no DETACH PARTITION CONCURRENTLY: nothing better to suggest.
ALTER TABLE events DETACH PARTITION events_2023;
