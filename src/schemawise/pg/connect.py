"""Opening connections: one place that turns every failure into `DatabaseUnavailable`.

Live checks run read-only: `default_transaction_read_only=on` plus statement and lock timeouts are set
as connection options, so even a bug in a catalog query cannot write or wait on the user's server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from schemawise.errors import DatabaseUnavailable
from schemawise.pg.urls import redact, to_libpq

READ_ONLY_OPTIONS = (
    "-c default_transaction_read_only=on -c statement_timeout=30000 -c lock_timeout=2000 "
    "-c idle_in_transaction_session_timeout=60000"
)


def describe_error(error: Exception) -> str:
    """PostgreSQL's own first line for an error, without the URL (which may carry a password)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text


def connect(
    url: str,
    *,
    read_only: bool = True,
    autocommit: bool = True,
    options: str | None = None,
    connect_timeout: int = 10,
) -> psycopg.Connection:
    """Connect to `url`; read-only unless the caller created the database it writes to."""
    all_options = " ".join(filter(None, [READ_ONLY_OPTIONS if read_only else None, options]))
    try:
        return psycopg.connect(
            to_libpq(url),
            autocommit=autocommit,
            connect_timeout=connect_timeout,
            options=all_options or None,
            application_name="schemawise",
        )
    except psycopg.Error as error:
        raise DatabaseUnavailable(
            f"cannot connect to {redact(url)}: {describe_error(error)}"
        ) from None
    except ValueError as error:  # malformed URL or connection string
        raise DatabaseUnavailable(f"invalid database URL {redact(url)}: {error}") from None


@contextmanager
def connection(url: str, **kwargs: object) -> Iterator[psycopg.Connection]:
    conn = connect(url, **kwargs)  # type: ignore[arg-type]
    try:
        yield conn
    finally:
        conn.close()


def server_version(conn: psycopg.Connection) -> int:
    """`server_version_num`, e.g. 150004."""
    return conn.info.server_version
