-- Linted first, as an earlier migration: column types of existing tables are known.
CREATE TABLE videos (id bigint PRIMARY KEY, owner_id integer, project_id bigint);
