"""`schemawise migrations test` on the command line: formats, exit codes, one-line errors."""

from __future__ import annotations

import json

import pytest
from roundtrip_helpers import PROJECTS

from schemawise.cli.app import main


def test_clean_project_exits_0_with_empty_json(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ini = str(PROJECTS / "clean" / "alembic.ini")
    code = main(
        [
            "migrations",
            "test",
            "--alembic-ini",
            ini,
            "--database-url",
            server_url,
            "--format",
            "json",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out) == {
        "version": 1,
        "diagnostics": [],
        "summary": {"error": 0, "warning": 0, "info": 0},
    }
    assert "tested 3 revisions" in err


def test_defect_exits_1_and_lock_trace_table_goes_to_stderr(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ini = str(PROJECTS / "non_concurrent_index" / "alembic.ini")
    args = ["migrations", "test", "--alembic-ini", ini, "--database-url", server_url]
    code = main([*args, "--trace-locks", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["RT102"]
    assert "lock trace" in err and "CREATE INDEX idx_videos_title" in err


def test_ignore_flag_drops_the_finding_and_exits_0(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ini = str(PROJECTS / "not_null_without_default" / "alembic.ini")
    args = ["migrations", "test", "--alembic-ini", ini, "--database-url", server_url]
    assert main([*args, "--ignore", "RT005", "--format", "concise"]) == 0


def test_unreachable_server_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    ini = str(PROJECTS / "clean" / "alembic.ini")
    url = "postgresql://someone:secret@127.0.0.1:1/postgres"
    code = main(["migrations", "test", "--alembic-ini", ini, "--database-url", url])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and "cannot connect" in err and "secret" not in err
