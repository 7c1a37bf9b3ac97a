-- Every table to empty is named; without CASCADE, TRUNCATE fails if another table refers to them.
TRUNCATE render_presets, render_jobs;
TRUNCATE TABLE ONLY sessions, tokens RESTART IDENTITY;
CREATE TABLE staging_imports (id bigint PRIMARY KEY);
TRUNCATE staging_imports CASCADE;
