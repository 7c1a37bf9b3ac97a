"""Scratch databases: always dropped, swept after a killed run, and the URL's database untouched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from roundtrip_helpers import HANGING_REVISION, run_project, scratch_databases

from schemawise.pg.connect import connect
from schemawise.pg.urls import database_name, with_database
from schemawise.roundtrip.scratch import PREFIX, drop_database, is_stale, scratch_name
from schemawise.roundtrip.snapshot import take_snapshot

RUNNER = """
import sys
from schemawise.config import Config
from schemawise.roundtrip.run import test_migrations
test_migrations(sys.argv[1], database_url=sys.argv[2], config=Config())
"""


def _start_hanging_run(project: Path, url: str) -> subprocess.Popen[bytes]:
    (project / "migrations/versions/0004_hang.py").write_text(HANGING_REVISION)
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(project / "alembic.ini"), url],
        # Ctrl-C reaches Python as KeyboardInterrupt even if this runner ignores SIGINT.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_hang(url: str, child_pid: int) -> str:
    """The scratch database of the child run, once its hanging revision is executing."""
    deadline = time.monotonic() + 60
    with connect(url, read_only=False) as conn:
        while time.monotonic() < deadline:
            rows = conn.execute(
                "SELECT datname FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%%'"
                " AND datname LIKE 'schemawise\\_scratch\\_%%'"
            ).fetchall()
            for (name,) in rows:
                if name.split("_")[-2] == str(child_pid):  # the name embeds the creating pid
                    return name
            time.sleep(0.1)
    raise AssertionError("the child run never reached its hanging revision")


def test_sigkill_mid_run_next_run_drops_the_leftover_and_url_database_is_untouched(
    scratch_database_url: str, project_copy
) -> None:
    with connect(scratch_database_url, read_only=False) as conn:
        conn.execute("CREATE TABLE sentinel (id int PRIMARY KEY, note text)")
        conn.execute("INSERT INTO sentinel VALUES (1, 'keep me')")
        schema_before = take_snapshot(conn)
    child = _start_hanging_run(project_copy("clean"), scratch_database_url)
    try:
        leftover = _wait_for_hang(scratch_database_url, child.pid)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        child.kill()
    with connect(scratch_database_url, read_only=False) as conn:
        assert leftover in scratch_databases(conn)  # a SIGKILL leaves no chance to clean up
    assert run_project("clean", scratch_database_url) == []
    with connect(scratch_database_url, read_only=False) as conn:
        assert leftover not in scratch_databases(conn)
        assert take_snapshot(conn) == schema_before
        assert conn.execute("SELECT id, note FROM sentinel").fetchall() == [(1, "keep me")]
        assert database_name(scratch_database_url) in {
            name for (name,) in conn.execute("SELECT datname FROM pg_database").fetchall()
        }


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_sigterm_or_ctrl_c_mid_run_drops_the_scratch_database(
    server_url: str, project_copy, signum: signal.Signals
) -> None:
    child = _start_hanging_run(project_copy("clean"), server_url)
    try:
        scratch = _wait_for_hang(server_url, child.pid)
        child.send_signal(signum)
        child.wait(timeout=30)
    finally:
        child.kill()
    with connect(server_url, read_only=False) as conn:
        assert scratch not in scratch_databases(conn)
        assert scratch_databases(conn, child.pid) == set()


def test_stale_means_old_or_made_here_by_a_dead_process() -> None:
    live = scratch_name()
    assert not is_stale(live, max_age_minutes=60)
    created, host, _pid, tag = live.removeprefix(PREFIX).split("_")
    assert is_stale(f"{PREFIX}{created}_{host}_999999999_{tag}", max_age_minutes=60)
    old = f"{PREFIX}{int(created) - 7200}_{host}_{os.getpid()}_{tag}"
    assert is_stale(old, max_age_minutes=60)
    assert not is_stale("postgres", max_age_minutes=0)
    assert not is_stale("schemawise_scratch_other", max_age_minutes=0)


def test_dropping_refuses_any_name_without_the_scratch_prefix(server_url: str) -> None:
    with connect(server_url, read_only=False) as conn, pytest.raises(ValueError, match="refusing"):
        drop_database(conn, "postgres")


def test_sweep_drops_old_scratch_databases_but_never_the_urls_own(server_url: str) -> None:
    created, host, pid, tag = scratch_name().removeprefix(PREFIX).split("_")
    old = int(created) - 3 * 86400
    stale = f"{PREFIX}{old}_{host}_{pid}_{tag}"
    named_like_stale = f"{PREFIX}{old}_{host}_{pid}_{tag[::-1]}"
    with connect(server_url, read_only=False) as admin:
        admin.execute(f'CREATE DATABASE "{stale}"')
        admin.execute(f'CREATE DATABASE "{named_like_stale}"')
    try:
        url = with_database(server_url, named_like_stale)
        assert run_project("clean", url) == []
        with connect(server_url, read_only=False) as admin:
            names = scratch_databases(admin)
            assert stale not in names
            assert named_like_stale in names
    finally:
        with connect(server_url, read_only=False) as admin:
            for name in (stale, named_like_stale):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
