"""schemawise's pytest plugin (entry point `pytest11`): registers the `schemawise` marker.

The migration-test fixtures and built-in tests are added by `schemawise.roundtrip`'s plugin work.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "schemawise: schemawise's built-in database checks")
