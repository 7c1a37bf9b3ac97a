"""Alembic environment of the video editor example.

Standalone on purpose: it needs no application settings, only a database URL, taken from (first wins)
`alembic -x url=...`, the `DATABASE_URL` environment variable, or `sqlalchemy.url` in alembic.ini.
Plain `postgresql://` URLs are accepted and run on psycopg 3 (`postgresql+psycopg://`).

Every session first sets `lock_timeout` and `statement_timeout`: a DDL statement queued behind a long
transaction holds its lock request, and every query that arrives after it waits too, so a migration
must give up quickly (and be retried) rather than stall the application. Both are session settings
(`SET`, not `SET LOCAL`), so they stay in force inside `autocommit_block()` and across revisions.
Override per run with `-x lock_timeout=10s -x statement_timeout=0`.

Each revision runs in its own transaction (`transaction_per_migration=True`): `NOT VALID` and
`VALIDATE CONSTRAINT` live in separate revisions precisely so they commit separately.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from alembic import context
from sqlalchemy import create_engine, pool

# `examples.videoeditor` must be importable when alembic runs from another directory; alembic.ini's
# `prepend_sys_path` covers the CLI, this covers programmatic `Config` users who build their own.
_REPOSITORY_ROOT = Path(__file__).resolve().parents[3]
if str(_REPOSITORY_ROOT) not in sys.path:
    sys.path.insert(0, str(_REPOSITORY_ROOT))

from examples.videoeditor.models import metadata  # noqa: E402

DEFAULT_LOCK_TIMEOUT = "5s"
DEFAULT_STATEMENT_TIMEOUT = "10min"
_DRIVER_PREFIX = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://")
_TIMEOUT = re.compile(r"^\d+\s*(?:ms|s|min|h)?$")

config = context.config
target_metadata = metadata

# Autogenerate compares these too, so `alembic check` also catches type and server-default drift.
COMPARE_OPTIONS = {"compare_type": True, "compare_server_default": True}


def database_url() -> str:
    """The URL to migrate, normalised to SQLAlchemy's psycopg 3 dialect."""
    url = (
        context.get_x_argument(as_dictionary=True).get("url")
        or os.environ.get("DATABASE_URL")
        or config.get_main_option("sqlalchemy.url")
    )
    if not url:
        raise SystemExit("no database URL: pass -x url=..., set DATABASE_URL or sqlalchemy.url")
    return _DRIVER_PREFIX.sub("postgresql+psycopg://", url, count=1)


def timeout_settings() -> list[str]:
    """The `SET` statements that bound how long any one statement may wait for a lock or run."""
    arguments = context.get_x_argument(as_dictionary=True)
    settings = {
        "lock_timeout": arguments.get("lock_timeout", DEFAULT_LOCK_TIMEOUT),
        "statement_timeout": arguments.get("statement_timeout", DEFAULT_STATEMENT_TIMEOUT),
    }
    for name, value in settings.items():
        # Values are spliced into SQL, so accept only what a timeout can look like.
        if not _TIMEOUT.match(value):
            raise SystemExit(f"invalid {name} {value!r}: use a number with ms, s, min or h")
    return [f"SET {name} = '{value}'" for name, value in settings.items()]


def run_migrations_offline() -> None:
    """`alembic upgrade --sql`: print the SQL, timeouts first, for a DBA to run."""
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        transaction_per_migration=True,
        **COMPARE_OPTIONS,
    )
    for statement in timeout_settings():
        context.execute(statement)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        for statement in timeout_settings():
            connection.exec_driver_sql(statement)
        # Commit so the session-level settings are not rolled back with the implicit transaction.
        connection.commit()
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            transaction_per_migration=True,
            **COMPARE_OPTIONS,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
