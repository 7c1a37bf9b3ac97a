"""Configuration precedence (defaults < file < environment < flags) and errors for bad settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawise.config import load_config
from schemawise.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_defaults_apply_without_any_file(tmp_path: Path) -> None:
    config = load_config(tmp_path, environ={})
    assert config.fail_on == "warning"
    assert config.format == "full"
    assert config.naming.index == "idx_{table}_{columns}"
    assert config.source is None


def test_nearest_pyproject_section_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.schemawise]\nfail-on = "error"\nmodels = ["app/models.py"]\n',
    )
    nested = tmp_path / "app" / "deep"
    nested.mkdir(parents=True)
    config = load_config(nested, environ={})
    assert config.fail_on == "error"
    assert config.root == tmp_path
    assert config.resolve(config.models[0]) == tmp_path / "app" / "models.py"


def test_pyproject_without_section_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.schemawise]\nformat = "json"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    write(inner / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(inner, environ={}).format == "json"


def test_schemawise_toml_is_read_without_tool_prefix(tmp_path: Path) -> None:
    write(tmp_path / "schemawise.toml", '[naming]\nindex = "ix_{table}_{columns}"\n')
    assert load_config(tmp_path, environ={}).naming.index == "ix_{table}_{columns}"


def test_environment_beats_file_and_flags_beat_environment(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.schemawise]\nfail-on = "info"\nselect = ["SM"]\n')
    environ = {
        "SCHEMAWISE_FAIL_ON": "error",
        "SCHEMAWISE_SELECT": "SM2,SM1",
        "SCHEMAWISE_MIGRATIONS_PG_VERSION": "13",
    }
    config = load_config(tmp_path, environ=environ)
    assert config.fail_on == "error"
    assert config.select == ["SM2", "SM1"]
    assert config.migrations.pg_version == 13
    flagged = load_config(tmp_path, environ=environ, overrides={"fail_on": "warning"})
    assert flagged.fail_on == "warning"


def test_database_url_defaults_to_the_environment(tmp_path: Path) -> None:
    config = load_config(tmp_path, environ={"DATABASE_URL": "postgresql://u@h/db"})
    assert config.database_url == "postgresql://u@h/db"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[tool.schemawise]\nfail_on = "loud"\n', "fail-on"),
        ("[tool.schemawise]\nselect = 3\n", "expected a list of strings"),
        ('[tool.schemawise]\ncolour = "red"\n', "`colour` is not a schemawise option"),
        ('[tool.schemawise.naming]\nplural_tables = "maybe"\n', "expected true or false"),
        ('[tool.schemawise]\nnaming = "x"\n', "must be a table"),
        ("[tool.schemawise\n", "not valid TOML"),
    ],
)
def test_malformed_configuration_is_a_config_error(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path, environ={})


def test_bad_environment_value_names_the_variable_source(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="environment"):
        load_config(tmp_path, environ={"SCHEMAWISE_MIGRATIONS_PG_VERSION": "fifteen"})
