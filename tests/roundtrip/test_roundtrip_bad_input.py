"""Bad input: one clear error or finding, and the scratch database dropped every time."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from roundtrip_helpers import HANGING_REVISION, codes, run_project, scratch_databases

from schemawise.errors import DatabaseUnavailable, MigrationParseError
from schemawise.pg.connect import connect
from schemawise.pg.urls import to_libpq

UNSEEDABLE_REVISION = '''"""a table no row can satisfy"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade():
    op.create_table(
        "impossible",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.CheckConstraint("n < 0 AND n > 0", name="ck_impossible_n_never"),
    )


def downgrade():
    op.drop_table("impossible")
'''


def test_hanging_revision_is_rt001_with_statement_timeout_and_scratch_dropped(
    server_url: str, project_copy
) -> None:
    project = project_copy("clean")
    (project / "migrations/versions/0004_hang.py").write_text(HANGING_REVISION)
    diagnostics = run_project(project, server_url, statement_timeout_ms=300)
    assert codes(diagnostics) == ["RT001"]
    (finding,) = diagnostics
    assert finding.object == "0004" and finding.line == 10
    assert "SELECT pg_sleep(30)" in finding.message
    assert "canceling statement due to statement timeout" in finding.message
    with connect(server_url, read_only=False) as conn:
        assert scratch_databases(conn, os.getpid()) == set()


def test_table_that_cannot_be_seeded_is_an_info_note(server_url: str, project_copy) -> None:
    project = project_copy("clean")
    (project / "migrations/versions/0004_impossible.py").write_text(UNSEEDABLE_REVISION)
    # Rows are generated before each upgrade, so a later revision is what puts the table to work.
    (project / "migrations/versions/0005_noop.py").write_text(
        'revision = "0005"\ndown_revision = "0004"\n\n\ndef upgrade():\n    pass\n\n\n'
        "def downgrade():\n    pass\n"
    )
    (project / "models.py").write_text(
        (project / "models.py").read_text()
        + '\nimpossible = sa.Table("impossible", metadata,'
        + ' sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),'
        + ' sa.Column("n", sa.Integer(), nullable=False),'
        + ' sa.CheckConstraint("n < 0 AND n > 0", name="ck_impossible_n_never"))\n'
    )
    diagnostics = run_project(project, server_url)
    assert [(d.code, d.severity.value, d.table) for d in diagnostics] == [
        ("RT005", "info", "impossible")
    ]
    assert "ck_impossible_n_never" in diagnostics[0].message


def test_env_that_cannot_load_is_one_error_and_scratch_dropped(
    server_url: str, project_copy
) -> None:
    project = project_copy("clean")
    (project / "migrations/env.py").write_text("raise RuntimeError('broken env')\n")
    with pytest.raises(MigrationParseError) as raised:
        run_project(project, server_url)
    assert str(raised.value).endswith(
        "env.py: the Alembic environment fails: RuntimeError: broken env"
    )
    with connect(server_url, read_only=False) as conn:
        assert scratch_databases(conn, os.getpid()) == set()


def test_missing_alembic_ini_is_a_parse_error(server_url: str, tmp_path: Path) -> None:
    with pytest.raises(MigrationParseError, match="no such Alembic configuration file"):
        run_project(tmp_path, server_url)


def test_unreachable_server_is_database_unavailable() -> None:
    with pytest.raises(DatabaseUnavailable, match="cannot connect"):
        run_project("clean", "postgresql://nobody@127.0.0.1:1/postgres")


def test_role_without_createdb_is_told_which_grant_it_needs(server_url: str) -> None:
    role = f"schemawise_test_role_{uuid.uuid4().hex[:8]}"
    with connect(server_url, read_only=False) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN NOCREATEDB")
    try:
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(to_libpq(server_url))
        if parts.hostname:
            netloc = f"{role}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
            url = urlunsplit(parts._replace(netloc=netloc))
        else:  # a Unix-socket URL of the embedded server: user in the query string
            url = urlunsplit(parts._replace(query=f"{parts.query}&user={role}".lstrip("&")))
        with pytest.raises(DatabaseUnavailable) as raised:
            run_project("clean", url)
        assert f"ALTER ROLE {role} CREATEDB" in str(raised.value)
        assert "\n" not in str(raised.value)
    finally:
        with connect(server_url, read_only=False) as admin:
            admin.execute(f"DROP ROLE {role}")


def test_ignore_comment_on_the_reported_revision_line_suppresses_the_finding(
    server_url: str, project_copy
) -> None:
    project = project_copy("key_swap_loses_rows")
    revision = project / "migrations/versions/0002_uuid_key.py"
    text = revision.read_text()
    text = text.replace("def upgrade():", "def upgrade():  # schemawise: ignore[RT006]")
    text = text.replace(
        "def downgrade():", "def downgrade():  # schemawise: ignore[data-lost-in-round-trip]"
    )
    revision.write_text(text)
    assert run_project(project, server_url) == []


SESSION_KILLING_REVISION = '''"""a revision that kills its own session"""

from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade():
    op.execute("SELECT pg_terminate_backend(pg_backend_pid())")


def downgrade():
    pass
'''


def test_revision_that_kills_its_session_is_rt001_and_scratch_dropped(
    server_url: str, project_copy
) -> None:
    project = project_copy("clean")
    (project / "migrations/versions/0004_kill.py").write_text(SESSION_KILLING_REVISION)
    diagnostics = run_project(project, server_url)
    assert codes(diagnostics) == ["RT001"]
    assert "terminating connection due to administrator command" in diagnostics[0].message
    with connect(server_url, read_only=False) as conn:
        assert scratch_databases(conn, os.getpid()) == set()
