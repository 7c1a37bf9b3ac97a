"""The schemawise pytest plugin (entry point `pytest11`): migration tests in a project's own suite.

One line in the pytest configuration turns it on:

    [tool.pytest.ini_options]
    schemawise_alembic_ini = "alembic.ini"

The built-in tests (`builtin_tests.py`) are then collected under `schemawise-migrations::` and carry
the `schemawise` marker. Failures show titled sections instead of a bare assert. Nothing heavy is
imported until a built-in test runs.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from schemawise.pytest_plugin.fixtures import (  # noqa: F401 - fixtures register by import
    schemawise_alembic_ini,
    schemawise_config,
    schemawise_database_url,
    schemawise_migration_test,
    schemawise_scratch_database_url,
    schemawise_server_url,
)

NODE_ID = "schemawise-migrations"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "schemawise_alembic_ini",
        "alembic.ini whose migrations schemawise tests on a scratch database (turns the tests on)",
        default=None,
    )
    parser.addini(
        "schemawise_trace_locks",
        "also measure the locks each migration statement takes (RT101-RT103)",
        type="bool",
        default=False,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "schemawise: migration tests schemawise runs on a scratch database"
    )


class _BuiltinTests(pytest.Module):
    """The built-in tests module, collected under a stable node id wherever it is installed."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    # tryfirst: added before `-m`/`-k` deselect, so the marker selects and deselects them.
    if not config.getini("schemawise_alembic_ini"):
        return
    from schemawise.pytest_plugin import builtin_tests

    module = _BuiltinTests.from_parent(session, path=Path(builtin_tests.__file__), nodeid=NODE_ID)
    collected = [item for item in module.collect() if isinstance(item, pytest.Item)]
    for item in collected:
        config.hook.pytest_itemcollected(item=item)
    # The terminal reporter counts collected tests from collect reports.
    config.hook.pytest_collectreport(
        report=pytest.CollectReport(NODE_ID, "passed", None, list(collected))
    )
    items[:0] = collected


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[Any]
) -> Generator[None, Any, Any]:
    report = yield
    from schemawise.pytest_plugin.errors import MigrationTestFailure

    if call.excinfo is not None and isinstance(call.excinfo.value, MigrationTestFailure):
        failure = call.excinfo.value
        report.longrepr = failure.summary
        report.sections.extend((f"schemawise: {title}", text) for title, text in failure.sections)
    return report
