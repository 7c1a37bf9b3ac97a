ALTER TYPE video_status RENAME VALUE 'done' TO 'ready'; -- expect: MG107
DELETE FROM pg_enum WHERE enumlabel = 'archived'; -- expect: MG107
-- Removing a value by recreating the type.
ALTER TYPE render_state RENAME TO render_state_old;
CREATE TYPE render_state AS ENUM ('queued', 'running', 'finished'); -- expect: MG107
ALTER TABLE renders ALTER COLUMN state TYPE render_state USING state::text::render_state;
DROP TYPE render_state_old;
