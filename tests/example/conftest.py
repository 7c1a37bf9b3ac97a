"""Fixtures for the video editor example: a migrated, seeded database shared by the query tests."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command

from schemawise.pg.connect import connect
from schemawise.pg.urls import with_database

# `examples` is a top-level package of the repository, not of the installed distribution; plain
# `pytest` (unlike `python -m pytest`) does not put the repository root on sys.path.
REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
if str(REPOSITORY_ROOT) not in sys.path:
    sys.path.insert(0, str(REPOSITORY_ROOT))

from examples.videoeditor.seed import alembic_config, seed  # noqa: E402

# 10 users, 200 videos, ~4,000 clips: enough skew that one user owns more than 50 videos (the
# statement-count test needs that), small enough to load in about a second.
TEST_SCALE = 0.01


@pytest.fixture(scope="session")
def seeded_database_url(server_url: str) -> Iterator[str]:
    """A database migrated to head and seeded at `TEST_SCALE`, for tests that only read it or roll
    back what they change; dropped at the end of the session."""
    name = f"schemawise_test_videoeditor_{uuid.uuid4().hex[:12]}"
    with connect(server_url, read_only=False) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = with_database(server_url, name)
    try:
        command.upgrade(alembic_config(url), "head")
        seed(url, scale=TEST_SCALE)
        yield url
    finally:
        with connect(server_url, read_only=False) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
