"""What the user pointed at: an `alembic.ini`, the directory holding one, an Alembic script directory,
a versions directory, or `.sql` files (alone or in a directory). Resolved without importing anything.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from schemawise.migrations.units import Problem

ALEMBIC_INI = "alembic.ini"


@dataclass
class AlembicSource:
    script_directory: Path
    version_directories: list[Path]
    env_path: Path | None
    # Directories revision imports resolve from (`prepend_sys_path`, the ini's directory).
    sys_paths: list[Path] = field(default_factory=list)
    ini_path: Path | None = None

    @property
    def name(self) -> str:
        return str(self.ini_path or self.script_directory)


@dataclass
class SqlSource:
    files: list[Path]


Source = AlembicSource | SqlSource


def _split_locations(value: str, separator: str | None) -> list[str]:
    """Alembic's `path_separator` / `version_path_separator` rules for multi-path options."""
    if separator in ("os",):
        parts = value.split(os.pathsep)
    elif separator in ("space",):
        parts = value.split()
    elif separator in ("newline",):
        parts = value.splitlines()
    elif separator in (":", ";"):
        parts = value.split(separator)
    else:  # legacy: spaces or commas
        parts = re.split(r"[\s,]+", value)
    return [part.strip() for part in parts if part.strip()]


def _package_path(location: str) -> Path | None:
    """`myapp:migrations` (Alembic's package resource form) -> a directory, when importable."""
    package, _, inner = location.partition(":")
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / inner


def _script_source(
    script_directory: Path, extra_versions: list[Path] | None = None
) -> AlembicSource:
    versions = extra_versions or [script_directory / "versions"]
    env = script_directory / "env.py"
    return AlembicSource(
        script_directory=script_directory,
        version_directories=[v for v in versions if v.is_dir()],
        env_path=env if env.is_file() else None,
        sys_paths=[script_directory.parent],
    )


def from_ini(ini: Path) -> AlembicSource | Problem:
    here = ini.resolve().parent
    parser = configparser.ConfigParser(defaults={"here": str(here)})
    try:
        parser.read_string(ini.read_bytes().decode("utf-8"), source=str(ini))
    except (configparser.Error, UnicodeDecodeError) as error:
        return Problem(
            f"cannot read Alembic configuration ({str(error).splitlines()[0]})", str(ini)
        )
    if not parser.has_option("alembic", "script_location"):
        return Problem("no `script_location` in its `[alembic]` section", str(ini))
    section = parser["alembic"]
    location = section.get("script_location", "")
    script_directory = Path(location) if Path(location).is_absolute() else here / location
    if not script_directory.is_dir() and ":" in location:
        script_directory = _package_path(location) or script_directory
    if not script_directory.is_dir():
        return Problem(f"script_location `{location}` is not a directory", str(ini))
    separator = section.get("path_separator") or section.get("version_path_separator")
    versions = [
        Path(v) if Path(v).is_absolute() else here / v
        for v in _split_locations(section.get("version_locations", ""), separator)
    ]
    source = _script_source(script_directory.resolve(), versions or None)
    prepend = _split_locations(section.get("prepend_sys_path", ""), separator)
    source.sys_paths = [here / p for p in prepend] + [here]
    source.ini_path = ini
    return source


def resolve_input(path: Path) -> Source | Problem:
    """One command-line path -> where its migrations are, or why there are none."""
    if not path.exists():
        return Problem("no such file or directory", str(path))
    if path.is_file():
        if path.suffix == ".sql":
            return SqlSource([path])
        if path.suffix == ".ini":
            return from_ini(path)
        return Problem("not an alembic.ini, an Alembic script directory or a .sql file", str(path))
    if (path / ALEMBIC_INI).is_file():
        return from_ini(path / ALEMBIC_INI)
    if (path / "env.py").is_file() or (path / "script.py.mako").is_file():
        return _script_source(path.resolve())
    if any(path.glob("*.py")):  # a versions directory given directly
        parent = path.resolve().parent
        source = _script_source(parent, [path.resolve()])
        return source
    sql_files = sorted(path.rglob("*.sql"))
    if sql_files:
        return SqlSource(sql_files)
    return Problem("no alembic.ini, Alembic script directory or .sql files here", str(path))
