"""Bad input to `schemawise migrations lint`: one clear line and exit 2 where nothing could be linted,
diagnostics (SW002) next to the findings where something could."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_helpers import revision_source

from schemawise.cli.app import main

GOOD = revision_source(
    "0001",
    None,
    'op.add_column("videos", sa.Column("duration_ms", sa.BigInteger()))',
    'op.drop_column("videos", "duration_ms")',
)
SYNTAX_ERROR = revision_source("0002", "0001", "op.drop_column(", "pass")


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err


def test_empty_directory_exits_2(tmp_path, capsys):
    assert main(["migrations", "lint", str(tmp_path)]) == 2
    assert "no alembic.ini, Alembic script directory or .sql files" in one_line_error(capsys)


def test_missing_path_exits_2(tmp_path, capsys):
    assert main(["migrations", "lint", str(tmp_path / "nowhere")]) == 2
    assert "no such file or directory" in one_line_error(capsys)


def test_no_path_and_no_configuration_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["migrations", "lint"]) == 2
    assert "no migrations to lint" in one_line_error(capsys)


def test_lone_revision_with_syntax_error_exits_2_naming_file_and_line(history, capsys):
    script = history({"0002.py": SYNTAX_ERROR})
    assert main(["migrations", "lint", str(script)]) == 2
    error = one_line_error(capsys)
    assert "0002.py:" in error and "syntax error" in error


def test_syntax_error_next_to_good_revisions_is_sw002_and_the_rest_is_linted(history, capsys):
    script = history({"0001.py": GOOD, "0002.py": SYNTAX_ERROR})
    assert main(["migrations", "lint", str(script), "--format", "json"]) == 1
    codes = {
        (d["code"], Path(d["path"]).name)
        for d in json.loads(capsys.readouterr().out)["diagnostics"]
    }
    assert ("SW002", "0002.py") in codes
    # 0002 keeps its place in the graph, so 0001 is not a second head and nothing dangles.
    assert not {code for code, _ in codes} & {"MG303", "MG304"}


def test_non_utf8_sql_file_exits_2(tmp_path, capsys):
    path = tmp_path / "latin1.sql"
    path.write_bytes("ALTER TABLE videos ADD COLUMN titre text DEFAULT 'é';".encode("latin-1"))
    assert main(["migrations", "lint", str(path)]) == 2
    assert "not UTF-8" in one_line_error(capsys)


def test_non_utf8_sql_file_next_to_a_good_one_is_sw002(tmp_path, capsys):
    (tmp_path / "a.sql").write_bytes(b"DROP TABLE clips;\n")
    (tmp_path / "b.sql").write_bytes("SELECT 'é';".encode("latin-1"))
    assert main(["migrations", "lint", str(tmp_path), "--format", "json"]) == 1
    found = {d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert "SW002" in found


def test_unknown_baseline_revision_exits_2(history, capsys):
    script = history({"0001.py": GOOD})
    assert main(["migrations", "lint", str(script), "--since", "nope"]) == 2
    assert "baseline revision `nope`" in one_line_error(capsys)


def test_unreachable_database_exits_2_without_password(history, capsys):
    script = history({"0001.py": GOOD})
    url = "postgresql://app:s3cret@127.0.0.1:1/db"
    assert main(["migrations", "lint", str(script), "--database-url", url]) == 2
    error = one_line_error(capsys)
    assert "cannot connect" in error and "s3cret" not in error


def test_clean_revision_exits_0(history, capsys):
    script = history({"0001.py": GOOD})
    assert main(["migrations", "lint", str(script), "--select", "MG301,MG303,MG304,MG305"]) == 0


def test_alembic_ini_resolves_script_location(history, tmp_path, capsys):
    script = history({"0001.py": revision_source("0001", None, 'op.drop_table("x")', "pass")})
    ini = tmp_path / "alembic.ini"
    ini.write_text(f"[alembic]\nscript_location = %(here)s/{script.name}\n")
    assert main(["migrations", "lint", str(ini), "--select", "MG301", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in document["diagnostics"]] == ["MG301"]


def test_revision_needing_a_missing_setting_names_it(history, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("MG_SETTINGS_SECRET", raising=False)
    (tmp_path / "mg_settings.py").write_text(
        'import os\n\nSECRET = os.environ["MG_SETTINGS_SECRET"]\n'
    )
    script = history(
        {
            "0001.py": revision_source(
                "0001", None, 'op.drop_table("x")', header="import mg_settings"
            )
        }
    )
    assert main(["migrations", "lint", str(script)]) == 2
    assert "set `MG_SETTINGS_SECRET` in the environment" in one_line_error(capsys)


def test_database_url_flag_satisfies_a_revision_reading_database_url(
    history, tmp_path, capsys, monkeypatch, server_url
):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    (tmp_path / "mg_db_settings.py").write_text('import os\n\nURL = os.environ["DATABASE_URL"]\n')
    script = history(
        {
            "0001.py": revision_source(
                "0001", None, 'op.drop_table("x")', "pass", header="import mg_db_settings"
            )
        }
    )
    args = ["migrations", "lint", str(script), "--database-url", server_url, "--select", "MG301"]
    assert main([*args, "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d["code"] for d in found] == ["MG301"]


def test_sw002_is_reported_even_when_other_rules_are_selected(history, capsys):
    script = history({"0001.py": GOOD, "0002.py": SYNTAX_ERROR})
    assert main(["migrations", "lint", str(script), "--select", "MG001", "--format", "json"]) == 1
    found = {d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert found == {"SW002"}
    assert main(["migrations", "lint", str(script), "--select", "MG001", "--ignore", "SW002"]) == 0


def test_no_path_lints_the_alembic_ini_in_the_working_directory(tmp_path, capsys, monkeypatch):
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    (tmp_path / "alembic.ini").write_text("[alembic]\nscript_location = migrations\n")
    (versions / "0001_users.py").write_text(
        'from alembic import op\n\nrevision = "0001"\ndown_revision = None\n\n\n'
        "def upgrade():\n"
        '    op.execute("CREATE INDEX idx_users_email ON users (email)")\n\n\n'
        "def downgrade():\n"
        '    op.execute("DROP INDEX idx_users_email")\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["migrations", "lint", "--format", "concise", "--select", "MG001"]) == 1
    assert "0001_users.py:8: MG001" in capsys.readouterr().out


def test_sql_file_where_no_statement_parses_exits_2(tmp_path, capsys):
    path = tmp_path / "broken.sql"
    path.write_text("CREATE TABLE (;\n")
    assert main(["migrations", "lint", str(path)]) == 2
    assert "broken.sql:1: SQL does not parse" in one_line_error(capsys)


def test_sql_file_with_one_bad_statement_still_lints_the_rest(tmp_path, capsys):
    path = tmp_path / "half.sql"
    path.write_text("CREATE TABLE (;\nCREATE INDEX idx_a_b ON a (b);\n")
    assert main(["migrations", "lint", str(path), "--format", "concise"]) == 1
    out = capsys.readouterr().out
    assert "half.sql:1: SW002" in out and "half.sql:2: MG001" in out
