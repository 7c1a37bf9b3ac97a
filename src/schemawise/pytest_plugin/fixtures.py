"""Fixtures of the schemawise pytest plugin. Override any of them in a conftest.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def schemawise_config(pytestconfig: pytest.Config) -> Any:
    """The project's schemawise configuration (`[tool.schemawise]`), read from the rootdir."""
    from schemawise.config import load_config

    return load_config(Path(pytestconfig.rootpath))


@pytest.fixture(scope="session")
def schemawise_alembic_ini(pytestconfig: pytest.Config) -> Path:
    """The alembic.ini named by the `schemawise_alembic_ini` ini option, relative to the rootdir."""
    value = pytestconfig.getini("schemawise_alembic_ini") or "alembic.ini"
    path = Path(value)
    return path if path.is_absolute() else Path(pytestconfig.rootpath) / path


@pytest.fixture(scope="session")
def schemawise_database_url() -> str | None:
    """The server the scratch databases are made on; None: config, `DATABASE_URL`, or embedded."""
    return None


@pytest.fixture(scope="session")
def schemawise_server_url(
    schemawise_config: Any, schemawise_database_url: str | None
) -> Iterator[str]:
    """The server URL in use: the given one, the config's, `DATABASE_URL`, or an embedded server
    started once for the session."""
    from schemawise.pg.server import server_url

    with server_url(schemawise_database_url or schemawise_config.database_url) as url:
        yield url


@pytest.fixture
def schemawise_scratch_database_url(
    schemawise_config: Any, schemawise_server_url: str
) -> Iterator[str]:
    """A fresh scratch database for one test, dropped afterwards (also on failure or Ctrl-C)."""
    from schemawise.roundtrip.scratch import scratch_database

    settings = schemawise_config.roundtrip
    with scratch_database(
        schemawise_server_url,
        statement_timeout_ms=settings.statement_timeout_ms,
        stale_after_minutes=settings.stale_scratch_minutes,
    ) as url:
        yield url


@pytest.fixture(scope="session")
def schemawise_migration_test(
    pytestconfig: pytest.Config,
    schemawise_config: Any,
    schemawise_alembic_ini: Path,
    schemawise_server_url: str,
) -> tuple[Any, list[Any]]:
    """One migration test run for the session: (what was measured, the diagnostics)."""
    from schemawise.roundtrip.run import run_migration_test

    return run_migration_test(
        schemawise_alembic_ini,
        database_url=schemawise_server_url,
        config=schemawise_config,
        trace_locks=bool(pytestconfig.getini("schemawise_trace_locks")),
    )
