"""The example's Alembic migrations on a real server: round trip, no drift, backfills on real rows."""

from __future__ import annotations

import io
import uuid

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from examples.videoeditor.models import metadata
from examples.videoeditor.seed import alembic_config
from schemawise.pg.connect import connect
from schemawise.pg.urls import to_sqlalchemy


def _tables(url: str) -> set[str]:
    with connect(url) as connection:
        rows = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return {row[0] for row in rows}


def test_migrations_upgrade_to_head_downgrade_to_base_and_upgrade_again(
    scratch_database_url: str,
) -> None:
    config = alembic_config(scratch_database_url)
    command.upgrade(config, "head")
    assert set(metadata.tables) | {"alembic_version"} == _tables(scratch_database_url)
    command.downgrade(config, "base")
    assert _tables(scratch_database_url) == {"alembic_version"}
    command.upgrade(config, "head")
    assert set(metadata.tables) <= _tables(scratch_database_url)


def test_schema_at_head_matches_the_models(scratch_database_url: str) -> None:
    config = alembic_config(scratch_database_url)
    command.upgrade(config, "head")
    engine = create_engine(to_sqlalchemy(scratch_database_url))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()
    # The same through env.py, as `alembic check` runs it; raises on any difference.
    command.check(config)


def test_migrations_set_lock_and_statement_timeouts() -> None:
    buffer = io.StringIO()
    config = alembic_config("postgresql://nobody@localhost/offline")
    config.output_buffer = buffer
    command.upgrade(config, "head", sql=True)
    sql = buffer.getvalue()
    assert sql.index("SET lock_timeout") < sql.index("CREATE TABLE users")
    assert "SET statement_timeout" in sql
    assert "CREATE INDEX CONCURRENTLY idx_videos_tags" in sql
    assert "NOT VALID" in sql


def test_backfill_revisions_fill_existing_rows_and_downgrade_restores_them(
    scratch_database_url: str,
) -> None:
    config = alembic_config(scratch_database_url)
    command.upgrade(config, "0004")
    user_id, video_id, project_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with connect(scratch_database_url, read_only=False) as connection:
        connection.execute(
            "INSERT INTO users (id, email, display_name) VALUES (%s, 'a@example.com', 'A')",
            (user_id,),
        )
        connection.execute(
            "INSERT INTO videos (id, user_id, title, duration_ms) VALUES (%s, %s, 'v', 1000)",
            (video_id, user_id),
        )
        connection.execute(
            "INSERT INTO transcripts (id, video_id, language, full_text) VALUES "
            "(%s, %s, 'en', '  three  small words '), (%s, %s, 'es', '')",
            (uuid.uuid4(), video_id, uuid.uuid4(), video_id),
        )
        connection.execute(
            "INSERT INTO projects (id, user_id, name) VALUES (%s, %s, 'Launch cut')",
            (project_id, user_id),
        )
    command.upgrade(config, "head")
    with connect(scratch_database_url) as connection:
        counts = dict(connection.execute("SELECT language, word_count FROM transcripts"))
        title = connection.execute("SELECT title FROM projects").fetchone()
    assert counts == {"en": 3, "es": 0}
    assert title == ("Launch cut",)

    # Back to the expand phase: `name` returns, filled from `title`, and the sync trigger with it.
    command.downgrade(config, "0010")
    with connect(scratch_database_url, read_only=False) as connection:
        assert connection.execute("SELECT name, title FROM projects").fetchone() == (
            "Launch cut",
            "Launch cut",
        )
        connection.execute("UPDATE projects SET name = 'Renamed'")
        assert connection.execute("SELECT title FROM projects").fetchone() == ("Renamed",)
    command.downgrade(config, "base")
