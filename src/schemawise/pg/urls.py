"""Database URLs: normalising SQLAlchemy-style URLs for psycopg and never printing a password."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

# SQLAlchemy dialect prefixes users paste from their app settings.
_DRIVER_PREFIX = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://")


def to_libpq(url: str) -> str:
    """`postgresql+asyncpg://...` or `postgres://...` -> `postgresql://...` for psycopg/libpq."""
    return _DRIVER_PREFIX.sub("postgresql://", url, count=1)


def to_sqlalchemy(url: str, driver: str = "psycopg") -> str:
    """A URL SQLAlchemy accepts, using psycopg 3 unless another driver is named."""
    return _DRIVER_PREFIX.sub(f"postgresql+{driver}://", url, count=1)


def redact(url: str) -> str:
    """The URL with any password replaced by `***`, safe to put in a message."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable database URL>"
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def with_database(url: str, database: str) -> str:
    """The same server and credentials, another database name."""
    parts = urlsplit(to_libpq(url))
    return urlunsplit(parts._replace(path="/" + database))


def database_name(url: str) -> str:
    return urlsplit(to_libpq(url)).path.lstrip("/") or "postgres"
