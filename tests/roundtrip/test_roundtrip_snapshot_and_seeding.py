"""Catalog snapshots see every kind of object; generated rows respect the catalog's rules."""

from __future__ import annotations

from schemawise.pg.connect import connect
from schemawise.roundtrip.rows import capture, changed_values, lost_rows
from schemawise.roundtrip.seeding import Seeder
from schemawise.roundtrip.snapshot import diff, take_snapshot

SCHEMA = """
CREATE TYPE status AS ENUM ('draft', 'published');
CREATE SEQUENCE ticket_numbers START 100;
CREATE TABLE videos (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug varchar(12) NOT NULL UNIQUE,
    status status NOT NULL,
    kind text NOT NULL CHECK (kind IN ('short', 'feature')),
    price numeric(6, 2) NOT NULL CHECK (price >= 0),
    meta jsonb, tags text[], published_on date, ref uuid NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE clips (
    id serial PRIMARY KEY,
    video_id bigint NOT NULL REFERENCES videos (id),
    parent_id int REFERENCES clips (id),
    starts interval NOT NULL
);
CREATE INDEX idx_clips_video_id ON clips (video_id);
CREATE VIEW published AS SELECT id, slug FROM videos WHERE status = 'published';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER clips_touch BEFORE UPDATE ON clips FOR EACH ROW EXECUTE FUNCTION touch();
"""


def test_snapshot_lists_every_object_kind_and_ignores_rows(scratch_database_url: str) -> None:
    with connect(scratch_database_url, read_only=False) as conn:
        conn.execute(SCHEMA)
        # contrib may be missing (the embedded server ships none); plpgsql is always listed.
        has_pgcrypto = conn.execute(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pgcrypto'"
        ).fetchone()
        if has_pgcrypto:
            conn.execute("CREATE EXTENSION pgcrypto")
        snapshot = take_snapshot(conn)
        kinds = {kind for kind, _name in snapshot.objects}
        assert kinds == {
            "extension", "enum", "sequence", "table", "column", "constraint", "index", "view",
            "function", "trigger",
        }  # fmt: skip
        assert snapshot.objects[("enum", "status")] == "('draft', 'published')"
        assert snapshot.objects[("column", "videos.slug")] == "character varying(12) NOT NULL"
        assert not any(name.startswith("digest") for _kind, name in snapshot.objects)
        Seeder().seed(conn, 3)
        assert take_snapshot(conn) == snapshot


def test_snapshot_diff_reads_as_sentences(scratch_database_url: str) -> None:
    with connect(scratch_database_url, read_only=False) as conn:
        conn.execute("CREATE TABLE videos (id int PRIMARY KEY, title text)")
        before = take_snapshot(conn)
        conn.execute("ALTER TABLE videos ALTER COLUMN title SET NOT NULL, ADD COLUMN fps int")
        sentences = [change.sentence() for change in diff(before, take_snapshot(conn))]
    assert sentences == [
        "column `videos.fps` is left after: `integer`",
        "column `videos.title` differs: `text` before, `text NOT NULL` after",
    ]


def test_seeding_fills_every_table_in_foreign_key_order_within_checks(
    scratch_database_url: str,
) -> None:
    with connect(scratch_database_url, read_only=False) as conn:
        conn.execute(SCHEMA)
        seeder = Seeder()
        seeder.seed(conn, 3)
        seeder.seed(conn, 3)  # uniques hold across calls
        assert seeder.unseedable == {}
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM videos), (SELECT count(*) FROM clips),"
            " (SELECT count(DISTINCT kind) FROM videos)"
        ).fetchone()
        assert counts == (6, 6, 2)
        seeder.seed(conn, 10, top_up=True)
        assert conn.execute("SELECT count(*) FROM clips").fetchone() == (10,)


def test_row_captures_find_lost_rows_and_lost_column_values(scratch_database_url: str) -> None:
    with connect(scratch_database_url, read_only=False) as conn:
        conn.execute("CREATE TABLE videos (id int PRIMARY KEY, title text)")
        conn.execute("INSERT INTO videos VALUES (1, 'a'), (2, 'b'), (3, 'c')")
        before = capture(conn, set())
        conn.execute("DELETE FROM videos WHERE id = 3")
        conn.execute("UPDATE videos SET title = NULL")
        after = capture(conn, set())
    (lost,) = lost_rows(before, after)
    assert (lost.table, lost.missing, lost.total) == ("videos", 1, 3)
    (changed,) = changed_values(before, after)
    assert (changed.column, changed.missing, changed.total) == ("title", 2, 2)
