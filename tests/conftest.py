"""Test session set-up: a real PostgreSQL, from `DATABASE_URL` or an embedded throwaway server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from schemawise.pg.connect import connect
from schemawise.pg.server import embedded_server
from schemawise.pg.urls import with_database


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """URL of a server the tests may create databases on (the maintenance database)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        yield url
        return
    with embedded_server() as embedded:
        yield embedded


@pytest.fixture
def scratch_database_url(server_url: str) -> Iterator[str]:
    """A fresh, empty database for one test, dropped afterwards."""
    name = f"schemawise_test_{uuid.uuid4().hex[:12]}"
    with connect(server_url, read_only=False) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(server_url, name)
    finally:
        with connect(server_url, read_only=False) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
