"""Helpers for the migration-test tests: run a fixture project on the test server."""

from __future__ import annotations

from pathlib import Path

from schemawise.config import Config
from schemawise.diagnostics import Diagnostic
from schemawise.roundtrip.run import test_migrations as run_migration_test
from schemawise.roundtrip.settings import RoundtripSettings

PROJECTS = Path(__file__).parent / "projects"

HANGING_REVISION = '''"""a revision that hangs"""

from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade():
    op.execute("SELECT pg_sleep(30)")


def downgrade():
    pass
'''


def run_project(
    project: str | Path, server_url: str, *, trace_locks: bool = False, **settings: object
) -> list[Diagnostic]:
    path = Path(project) if isinstance(project, Path) else PROJECTS / project
    config = Config(roundtrip=RoundtripSettings(**settings))  # type: ignore[arg-type]
    return run_migration_test(
        path / "alembic.ini", database_url=server_url, config=config, trace_locks=trace_locks
    )


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return sorted(d.code for d in diagnostics)


def scratch_databases(conn, pid: int | None = None) -> set[str]:
    """Scratch databases on the server; with `pid`, only those that process made (other test runs
    may share the server)."""
    rows = conn.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE 'schemawise\\_scratch\\_%'"
    ).fetchall()
    names = {name for (name,) in rows}
    if pid is not None:
        names = {name for name in names if name.split("_")[-2] == str(pid)}
    return names
