"""With a database URL: findings graded by live table size, the version read from the server, and the
shipped volatility table checked against the server's own `pg_proc`."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawise.config import Config
from schemawise.diagnostics import Severity
from schemawise.migrations import lint as lint_module
from schemawise.migrations.context import TableSize
from schemawise.migrations.lint import lint_migrations
from schemawise.migrations.volatility import builtin_volatility
from schemawise.pg.connect import connect


@pytest.fixture
def sized_database(scratch_database_url: str) -> str:
    """`videos` with 20,000 analyzed rows, `tags` with 3; both with an `owner_id` column."""
    with connect(scratch_database_url, read_only=False) as conn:
        conn.execute("CREATE TABLE videos (id bigint PRIMARY KEY, owner_id bigint)")
        conn.execute("INSERT INTO videos SELECT g, g % 10 FROM generate_series(1, 20000) g")
        conn.execute("CREATE TABLE tags (id bigint PRIMARY KEY, owner_id bigint)")
        conn.execute("INSERT INTO tags VALUES (1, 1), (2, 1), (3, 2)")
        conn.execute("ANALYZE videos")
        conn.execute("ANALYZE tags")
    return scratch_database_url


def index_findings(tmp_path: Path, url: str, **thresholds: int):
    path = tmp_path / "indexes.sql"
    path.write_text(
        "CREATE INDEX idx_videos_owner_id ON videos (owner_id);\n"
        "CREATE INDEX idx_tags_owner_id ON tags (owner_id);\n"
    )
    config = Config(select=["MG001"])
    for key, value in thresholds.items():
        setattr(config.migrations, key, value)
    return {d.table: d for d in lint_migrations([path], config, database_url=url)}


def test_lock_on_a_few_rows_is_info_and_message_gives_the_size(tmp_path, sized_database):
    found = index_findings(tmp_path, sized_database)
    assert found["tags"].severity is Severity.INFO
    assert "`tags` has 3 rows" in found["tags"].message
    assert found["videos"].severity is Severity.WARNING
    assert "`videos` has ~20k rows" in found["videos"].message


def test_lock_on_a_table_above_the_large_threshold_is_an_error(tmp_path, sized_database):
    found = index_findings(tmp_path, sized_database, large_table_rows=15_000)
    assert found["videos"].severity is Severity.ERROR


def test_without_database_the_rule_severity_stands(tmp_path):
    path = tmp_path / "index.sql"
    path.write_text("CREATE INDEX idx_videos_owner_id ON videos (owner_id);\n")
    (finding,) = lint_migrations([path], Config(select=["MG001"]))
    assert finding.severity is Severity.WARNING
    assert "rows" not in finding.message


def test_pg_version_comes_from_the_server_unless_configured(tmp_path, server_url):
    path = tmp_path / "a.sql"
    path.write_text("ALTER TABLE videos ADD COLUMN flag boolean NOT NULL DEFAULT false;\n")
    with connect(server_url) as conn:
        server_major = conn.info.server_version // 10000
    assert lint_module._pg_version(Config(), server_url) == server_major
    configured = Config()
    configured.migrations.pg_version = 10
    assert lint_module._pg_version(configured, server_url) == 10
    assert lint_module._pg_version(Config(), None) == 15


def test_shipped_volatility_table_matches_the_server(server_url):
    with connect(server_url) as conn:
        rows = conn.execute(
            "SELECT proname, max(provolatile) FROM pg_proc p JOIN pg_namespace n"
            " ON n.oid = p.pronamespace WHERE nspname = 'pg_catalog' AND proname = ANY(%s)"
            " GROUP BY proname",
            (["now", "random", "gen_random_uuid", "clock_timestamp", "lower", "nextval"],),
        ).fetchall()
    shipped = builtin_volatility()
    assert {name: shipped[name] for name, _ in rows} == dict(rows)
    assert shipped["now"] == "s" and shipped["random"] == "v"


def test_table_size_text_is_rounded_for_people():
    assert TableSize(rows=2_100_000, bytes=0).rows_text == "~2.1M rows"
    assert TableSize(rows=45_300, bytes=0).rows_text == "~45k rows"
    assert TableSize(rows=1, bytes=0).rows_text == "1 row"
