"""The command line as users run it: exit codes 0/1/2, one-line errors, no traceback, no password."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from schemawise.cli.app import main

LOADER = Path(__file__).parent / "fixtures" / "loader"
BAD = Path(__file__).parent / "fixtures" / "models" / "SM201" / "bad.py"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "schemawise", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )


def test_findings_exit_1_and_json_parses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(BAD), "--format", "json", "--select", "SM201"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert {d["code"] for d in document["diagnostics"]} == {"SM201"}


def test_fail_on_error_exits_0_for_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(BAD), "--select", "SM201", "--fail-on", "error"]) == 0


def test_ignoring_everything_found_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["review", str(BAD), "--select", "SM201", "--ignore", "SM201", "--format", "concise"])
        == 0
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["review", "nowhere/models.py"], "does not exist"),
        (["review", "broken_pkg.models"], "RuntimeError: DATABASE_HOST is not set"),
        (["review", "loose/empty.py"], "defines no tables"),
        (["review", "loose/models.py", "--select", "NOPE1"], "matches no rule"),
        (["review", "loose/models.py", "--format", "xml"], "format"),
        (["review", "--database-url", "postgresql://app:s3cret@127.0.0.1:1/db"], "cannot connect"),
        (["rule", "SM999"], "no rule"),
        (["review", "loose/models.py", "--database-url", "postgresql://u@127.0.0.1:1/x"], "not both"),
        (["review", "--no-such-flag"], "No such option"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_2(args: list[str], fragment: str) -> None:
    result = run(*args, cwd=LOADER)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert "s3cret" not in result.stderr + result.stdout


def test_malformed_pyproject_section_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.schemawise]\nfail-on = 3\n")
    result = run("review", str(BAD), cwd=tmp_path)
    assert result.returncode == 2
    assert "fail-on" in result.stderr.replace("fail_on", "fail-on")


def test_rules_catalog_lists_every_code_and_rule_prints_its_doc(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "--format", "json"]) == 0
    codes = {row["code"] for row in json.loads(capsys.readouterr().out)}
    assert {"SM001", "SM201", "SW001"} <= codes
    assert main(["rule", "foreign-key-without-index"]) == 0
    out = capsys.readouterr().out
    assert "SM201" in out and "Why is this bad?" in out


def test_check_reviews_configured_models(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.schemawise]\nmodels = ["{BAD}"]\nselect = ["SM201"]\nformat = "concise"\n'
    )
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "SM201" in result.stdout


def test_check_with_nothing_configured_is_exit_2(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "nothing to check" in result.stderr
