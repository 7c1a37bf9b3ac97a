"""Fixtures for migration lint tests: small Alembic histories written into tmp_path."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

HistoryBuilder = Callable[..., Path]


@pytest.fixture
def history(tmp_path: Path) -> HistoryBuilder:
    """`history({"0001_x.py": source, ...}, env=...)` -> an Alembic script directory."""

    def build(files: dict[str, str], env: str | None = None, name: str = "migrations") -> Path:
        script = tmp_path / name
        versions = script / "versions"
        versions.mkdir(parents=True)
        (script / "env.py").write_text(textwrap.dedent(env or "from alembic import context\n"))
        for filename, source in files.items():
            data = source.encode() if isinstance(source, str) else source
            (versions / filename).write_bytes(data)
        return script

    return build
