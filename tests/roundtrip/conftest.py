"""Fixtures for the migration-test tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from roundtrip_helpers import PROJECTS


@pytest.fixture
def project_copy(tmp_path: Path):
    """Copy a fixture project into tmp_path so a test can add a revision to it."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(PROJECTS / name, target, ignore=shutil.ignore_patterns("__pycache__"))
        return target

    return copy
