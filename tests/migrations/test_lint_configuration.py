"""`[tool.schemawise.migrations]`: default paths relative to the config file, baseline and overrides."""

from __future__ import annotations

import json

from lint_helpers import revision_source

from schemawise.cli.app import main
from schemawise.config import load_config

UNDONE = revision_source("0002", "0001", 'op.drop_table("clips")', "pass")


def test_paths_default_to_the_configured_ones_relative_to_pyproject(history, tmp_path, capsys):
    history({"0001.py": revision_source("0001", None), "0002.py": UNDONE})
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemawise]\nselect = ["MG301"]\n\n'
        '[tool.schemawise.migrations]\npaths = ["migrations"]\npg-version = 14\n'
    )
    assert (
        main(
            ["migrations", "lint", "--format", "json", "--config", str(tmp_path / "pyproject.toml")]
        )
        == 1
    )
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["object"]) for d in found] == [("MG301", "0002")]


def test_lint_from_in_configuration_is_the_baseline(history, tmp_path, capsys):
    history({"0001.py": revision_source("0001", None), "0002.py": UNDONE})
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemawise]\nselect = ["MG301"]\n\n'
        '[tool.schemawise.migrations]\npaths = ["migrations"]\nlint-from = "0002"\n'
    )
    assert main(["migrations", "lint", "--config", str(tmp_path / "pyproject.toml")]) == 0


def test_environment_sets_migration_options(tmp_path):
    config = load_config(
        tmp_path,
        environ={"SCHEMAWISE_MIGRATIONS_PG_VERSION": "12", "SCHEMAWISE_MIGRATIONS_CACHE": "false"},
    )
    assert config.migrations.pg_version == 12
    assert config.migrations.cache is False
