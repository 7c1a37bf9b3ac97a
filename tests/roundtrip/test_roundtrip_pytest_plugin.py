"""The pytest plugin: one ini line turns the built-in tests on; failures carry titled sections."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from roundtrip_helpers import PROJECTS


def _pytest(
    tmp_path: Path, server_url: str, ini_lines: str, *args: str
) -> subprocess.CompletedProcess[str]:
    (tmp_path / "pyproject.toml").write_text(f"[tool.pytest.ini_options]\n{ini_lines}\n")
    env = {**os.environ, "DATABASE_URL": server_url}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_failing_project_fails_the_round_trip_test_with_revision_and_diff_sections(
    tmp_path: Path, server_url: str
) -> None:
    ini = PROJECTS / "downgrade_not_inverse" / "alembic.ini"
    result = _pytest(tmp_path, server_url, f'schemawise_alembic_ini = "{ini}"')
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "FAILED schemawise-migrations::test_downgrades_restore_the_schema" in out
    assert "schemawise: 1. RT003 downgrade-not-inverse: revision" in out
    assert "schemawise: 1. RT003 downgrade-not-inverse: schema diff" in out
    assert "column `videos.fps` is left after the downgrade: `integer`" in out
    assert "schemawise: 1. RT001 upgrade-fails: statement" in out
    assert "2 failed, 3 passed, 1 skipped" in out


USER_TEST = """
import psycopg


def test_own_code_on_a_scratch_database(schemawise_scratch_database_url):
    with psycopg.connect(schemawise_scratch_database_url, autocommit=True) as conn:
        name = conn.execute("SELECT current_database()").fetchone()[0]
        assert name.startswith("schemawise_scratch_")
"""


def test_clean_project_passes_every_built_in_test_next_to_the_users_own(
    tmp_path: Path, server_url: str
) -> None:
    (tmp_path / "test_users_own.py").write_text(USER_TEST)
    ini = PROJECTS / "clean" / "alembic.ini"
    result = _pytest(tmp_path, server_url, f'schemawise_alembic_ini = "{ini}"')
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed, 1 skipped" in result.stdout


def test_marker_deselects_the_built_in_tests_and_nothing_runs_unconfigured(
    tmp_path: Path, server_url: str
) -> None:
    ini = PROJECTS / "clean" / "alembic.ini"
    deselected = _pytest(
        tmp_path, server_url, f'schemawise_alembic_ini = "{ini}"', "-m", "not schemawise"
    )
    assert "6 deselected" in deselected.stdout
    unconfigured = _pytest(tmp_path, server_url, "", "--collect-only")
    assert "schemawise-migrations" not in unconfigured.stdout
