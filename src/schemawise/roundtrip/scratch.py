"""Scratch databases: created per run, always dropped, and swept up after a killed run.

A scratch database is named `schemawise_scratch_<unix time>_<host>_<pid>_<random>`, so a later run can
tell when it was made and whether the process that made it still lives. Nothing here ever drops a
database whose name does not match that pattern, nor the database named in the URL.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import signal
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import psycopg
from psycopg import sql

from schemawise.errors import DatabaseUnavailable
from schemawise.pg.connect import connect, describe_error
from schemawise.pg.urls import database_name, redact, with_database

PREFIX = "schemawise_scratch_"
_NAME = re.compile(
    rf"^{PREFIX}(?P<created>\d{{10}})_(?P<host>[0-9a-f]{{6}})_(?P<pid>\d+)_[0-9a-f]{{6}}$"
)


def _host_tag() -> str:
    return hashlib.sha1(socket.gethostname().encode()).hexdigest()[:6]


def scratch_name() -> str:
    return f"{PREFIX}{int(time.time())}_{_host_tag()}_{os.getpid()}_{secrets.token_hex(3)}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(name: str, *, max_age_minutes: int, now: float | None = None) -> bool:
    """A scratch database left by a run that is over: too old, or made here by a dead process."""
    match = _NAME.match(name)
    if match is None:
        return False
    age = (now or time.time()) - int(match["created"])
    if age > max_age_minutes * 60:
        return True
    return match["host"] == _host_tag() and not _process_alive(int(match["pid"]))


def drop_database(admin: psycopg.Connection, name: str) -> None:
    """Drop one scratch database, disconnecting whatever still uses it."""
    if not name.startswith(PREFIX):  # the one guard every drop passes through
        raise ValueError(f"refusing to drop {name!r}: not a schemawise scratch database")
    identifier = sql.Identifier(name)
    if admin.info.server_version >= 130000:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier))
        return
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
    )
    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(identifier))


def sweep_stale(admin: psycopg.Connection, *, max_age_minutes: int, keep: set[str]) -> list[str]:
    """Drop scratch databases left behind by killed runs (never one in `keep`); return their names."""
    rows = admin.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", [PREFIX.replace("_", r"\_") + "%"]
    ).fetchall()
    dropped = []
    for (name,) in rows:
        if name not in keep and is_stale(name, max_age_minutes=max_age_minutes):
            try:
                drop_database(admin, name)
            except psycopg.Error:
                continue  # another run may be dropping it, or it belongs to another role
            dropped.append(name)
    return dropped


def _check_can_create(admin: psycopg.Connection) -> None:
    row = admin.execute(
        "SELECT rolname, rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    if row is not None and not row[1]:
        raise DatabaseUnavailable(
            f"role `{row[0]}` cannot create the scratch database migration tests run on; "
            f"grant it with `ALTER ROLE {row[0]} CREATEDB` or pass a URL for a role that has it"
        )


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt while a scratch database exists, so it is dropped."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def scratch_database(
    server_url: str,
    *,
    statement_timeout_ms: int,
    stale_after_minutes: int = 60,
    template: str | None = None,
) -> Iterator[str]:
    """Create a scratch database on `server_url`'s server, yield its URL, drop it whatever happens."""
    name = scratch_name()
    if name == database_name(server_url):  # cannot happen with the prefix; kept as a promise
        raise DatabaseUnavailable("refusing to use the URL's own database as a scratch database")
    with _terminate_as_interrupt():
        admin = connect(server_url, read_only=False, autocommit=True)
        try:
            _check_can_create(admin)
            sweep_stale(
                admin,
                max_age_minutes=stale_after_minutes,
                keep={name, database_name(server_url)},  # the URL's own database, whatever its name
            )
            create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if template is not None:
                create = sql.SQL("{} TEMPLATE {}").format(create, sql.Identifier(template))
            try:
                admin.execute(create)
            except psycopg.Error as error:
                raise DatabaseUnavailable(
                    f"cannot create a scratch database on {redact(server_url)}: "
                    f"{describe_error(error)}"
                ) from None
            try:
                # Every session on the scratch database, including ones env.py opens, gets the
                # timeout. A throwaway database needs no durable commits: not waiting for the WAL
                # flush makes each step's commit cheap on slow disks.
                for setting, value in (
                    ("statement_timeout", statement_timeout_ms),
                    ("synchronous_commit", "off"),
                ):
                    admin.execute(
                        sql.SQL("ALTER DATABASE {} SET {} = {}").format(
                            sql.Identifier(name), sql.Identifier(setting), sql.Literal(value)
                        )
                    )
                yield with_database(server_url, name)
            finally:
                drop_database(admin, name)
        finally:
            admin.close()
