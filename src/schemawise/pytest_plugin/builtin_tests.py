"""The built-in migration tests, collected when `schemawise_alembic_ini` is set in the pytest ini.

All of them share one run of the migration test (`schemawise_migration_test`); each fails on its own
rules, at warning severity or above, with titled sections (revision, statement, error, diff).
Select or deselect them with `-m schemawise` / `-m "not schemawise"`.
"""

from __future__ import annotations

from typing import Any

import pytest

from schemawise.pytest_plugin.errors import failure_for

pytestmark = pytest.mark.schemawise


def _check(result: tuple[Any, list[Any]], codes: set[str], title: str) -> None:
    results, diagnostics = result
    failing = [d for d in diagnostics if d.code in codes and d.severity.rank >= 1]
    if failing:
        raise failure_for(title, failing, results)


def test_upgrades_run(schemawise_migration_test: tuple[Any, list[Any]]) -> None:
    """Every revision upgrades, one step at a time from base, on a fresh scratch database (RT001)."""
    _check(schemawise_migration_test, {"RT001"}, "upgrade fails")


def test_downgrades_run(schemawise_migration_test: tuple[Any, list[Any]]) -> None:
    """Every revision's downgrade runs right after its upgrade: the rollback plan works (RT002)."""
    _check(schemawise_migration_test, {"RT002"}, "downgrade fails")


def test_downgrades_restore_the_schema(schemawise_migration_test: tuple[Any, list[Any]]) -> None:
    """After upgrade then downgrade, the catalog equals the one before the upgrade (RT003)."""
    _check(schemawise_migration_test, {"RT003"}, "downgrade does not restore the schema")


def test_models_match_migrations(schemawise_migration_test: tuple[Any, list[Any]]) -> None:
    """At head, autogenerate finds nothing to do: the models and the migrations agree (RT004)."""
    _check(schemawise_migration_test, {"RT004"}, "models differ from the migrations")


def test_migrations_keep_rows(schemawise_migration_test: tuple[Any, list[Any]]) -> None:
    """With generated rows in every table, upgrades still pass and no row is lost (RT005, RT006)."""
    _check(schemawise_migration_test, {"RT005", "RT006"}, "migrations fail or lose data with rows")


def test_migrations_lock_trace(
    pytestconfig: pytest.Config, schemawise_migration_test: tuple[Any, list[Any]]
) -> None:
    """With `schemawise_trace_locks = true`: no statement blocks reads or writes or rewrites a
    table (RT101-RT103), as measured with a second connection."""
    if not pytestconfig.getini("schemawise_trace_locks"):
        pytest.skip("set `schemawise_trace_locks = true` to measure locks")
    _check(
        schemawise_migration_test, {"RT101", "RT102", "RT103"}, "migrations block other sessions"
    )
