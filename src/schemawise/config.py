"""Configuration: defaults < nearest `[tool.schemawise]` (or `schemawise.toml`) < `SCHEMAWISE_*` < flags.

Every option lives in one dataclass below (top level) or in a section dataclass (`[tool.schemawise.naming]`,
`[tool.schemawise.migrations]`, ...); the field default *is* the documented default. Keys may be written
kebab-case or snake_case. An unknown key or a value of the wrong type is a `ConfigError` naming the key,
so a typo never silently falls back to a default.

Environment: `SCHEMAWISE_<KEY>` for top-level keys (`SCHEMAWISE_FAIL_ON=error`,
`SCHEMAWISE_SELECT=SM,MG001`) and `SCHEMAWISE_<SECTION>_<KEY>` for section keys
(`SCHEMAWISE_MIGRATIONS_PG_VERSION=14`). Lists are comma-separated there.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schemawise.diagnostics import Severity
from schemawise.errors import ConfigError
from schemawise.migrations.settings import MigrationsSettings
from schemawise.naming import NamingSettings
from schemawise.roundtrip.settings import RoundtripSettings

FORMATS = ("full", "concise", "json", "github", "sarif")


@dataclass
class Config:
    # Rule selection (codes, code prefixes or rule names); empty `select` means every default rule.
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    # Exit 1 when a finding is at or above this severity.
    fail_on: str = "warning"
    format: str = "full"
    # What `schemawise review` / `check` review when no TARGET is given.
    models: list[str] = field(default_factory=list)
    # A live database for the commands that use one; `DATABASE_URL` when unset.
    database_url: str | None = None
    naming: NamingSettings = field(default_factory=NamingSettings)
    migrations: MigrationsSettings = field(default_factory=MigrationsSettings)
    roundtrip: RoundtripSettings = field(default_factory=RoundtripSettings)
    # Not options: where the configuration came from, for resolving relative paths.
    root: Path = field(default_factory=Path.cwd, metadata={"internal": True})
    source: Path | None = field(default=None, metadata={"internal": True})

    @property
    def fail_level(self) -> Severity:
        return Severity(self.fail_on)

    def resolve(self, path: str | Path) -> Path:
        """A path from configuration, relative to the directory of the file that set it."""
        candidate = Path(path)
        return candidate if candidate.is_absolute() else self.root / candidate


SECTIONS = {
    f.name for f in dataclasses.fields(Config) if dataclasses.is_dataclass(f.default_factory)
}  # type: ignore[arg-type]


def find_config_file(start: Path) -> Path | None:
    """The nearest `schemawise.toml`, or `pyproject.toml` with a `[tool.schemawise]` table."""
    for directory in (start, *start.parents):
        dedicated = directory / "schemawise.toml"
        if dedicated.is_file():
            return dedicated
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise ConfigError(f"{pyproject}: not valid TOML ({error})") from None
            if "schemawise" in data.get("tool", {}):
                return pyproject
    return None


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("schemawise", {})
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: `[tool.schemawise]` must be a table")
        return section
    return data


def _key(raw: str) -> str:
    return raw.replace("-", "_")


def _coerce(value: Any, annotation: Any, where: str) -> Any:
    """Check (TOML) or convert (environment strings) a value to a field's declared type."""
    hint = annotation
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        hint = args[0]
        origin = typing.get_origin(hint)
    if origin is list:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
        return list(value)
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table, got {value!r}")
        return dict(value)
    if hint is bool:
        if isinstance(value, str) and value.lower() in {
            "1",
            "true",
            "yes",
            "on",
            "0",
            "false",
            "no",
            "off",
        }:
            return value.lower() in {"1", "true", "yes", "on"}
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        return value
    if hint is int:
        if isinstance(value, str):
            try:
                return int(value)
            except ValueError:
                raise ConfigError(f"{where}: expected an integer, got {value!r}") from None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where}: expected an integer, got {value!r}")
        return value
    if hint is float:
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                raise ConfigError(f"{where}: expected a number, got {value!r}") from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a string, got {value!r}")
        return value
    return value


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]))


def _apply(target: Any, values: dict[str, Any], origin: str, section: str | None = None) -> None:
    hints = _hints(type(target))
    known = {f.name: f for f in dataclasses.fields(target) if not f.metadata.get("internal")}
    for raw_key, value in values.items():
        key = _key(raw_key)
        where = f"{origin}: `{section + '.' if section else ''}{raw_key}`"
        if key not in known:
            raise ConfigError(f"{where} is not a schemawise option")
        if section is None and key in SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table")
            _apply(getattr(target, key), value, origin, key)
            continue
        setattr(target, key, _coerce(value, hints[key], where))


def _environment(environ: typing.Mapping[str, str]) -> dict[str, Any]:
    """`SCHEMAWISE_*` variables as a nested dict shaped like the TOML table."""
    result: dict[str, Any] = {}
    top = {f.name for f in dataclasses.fields(Config) if not f.metadata.get("internal")} - SECTIONS
    for name, value in environ.items():
        if not name.startswith("SCHEMAWISE_"):
            continue
        key = name[len("SCHEMAWISE_") :].lower()
        if key in top:
            result[key] = value
            continue
        for section in SECTIONS:
            if key.startswith(section + "_"):
                result.setdefault(section, {})[key[len(section) + 1 :]] = value
                break
        # Unknown SCHEMAWISE_* variables are ignored: the environment is shared with other tools.
    return result


def load_config(
    start: Path | None = None,
    *,
    config_file: Path | None = None,
    overrides: dict[str, Any] | None = None,
    environ: typing.Mapping[str, str] | None = None,
) -> Config:
    """Build the effective configuration for a run started in `start` (default: the cwd)."""
    start = (start or Path.cwd()).resolve()
    config = Config(root=start)
    path = config_file or find_config_file(start)
    if path is not None:
        path = path.resolve()
        config.source = path
        config.root = path.parent
        _apply(config, _read_file(path), str(path))
    env = os.environ if environ is None else environ
    _apply(config, _environment(env), "environment")
    if overrides:
        _apply(config, {k: v for k, v in overrides.items() if v is not None}, "command line")
    if config.database_url is None:
        config.database_url = env.get("DATABASE_URL") or None
    if config.fail_on not in {s.value for s in Severity}:
        raise ConfigError(f"fail-on: expected error, warning or info, got {config.fail_on!r}")
    if config.format not in FORMATS:
        raise ConfigError(f"format: expected one of {', '.join(FORMATS)}, got {config.format!r}")
    return config
