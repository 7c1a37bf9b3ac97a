"""Options every command shares, configuration from flags, and the final report + exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from schemawise.config import Config, load_config
from schemawise.diagnostics import Diagnostic, exceeds
from schemawise.output import render

FormatOption = Annotated[
    str | None,
    typer.Option("--format", help="full, concise, json, github or sarif", show_default=False),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select", help="Rule codes, code prefixes or names to run (comma-separated or repeated)"
    ),
]
ExtendSelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-select", help="Rules to run in addition to the selection (e.g. opt-in rules)"
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Rule codes, code prefixes or names to skip"),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="A pyproject.toml or schemawise.toml to read instead of the nearest one"
    ),
]
FailOnOption = Annotated[
    str | None,
    typer.Option(
        "--fail-on", help="Exit 1 for findings at or above: error, warning (default) or info"
    ),
]
DatabaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--database-url", help="PostgreSQL URL (default: DATABASE_URL)", show_default=False
    ),
]


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def build_config(
    *,
    format: str | None = None,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    config_file: Path | None = None,
    fail_on: str | None = None,
    database_url: str | None = None,
    sections: dict[str, dict[str, Any]] | None = None,
) -> Config:
    """The effective configuration: file < environment < these flags (None means "not given")."""
    overrides: dict[str, Any] = {
        "format": format,
        "select": _split(select),
        "extend_select": _split(extend_select),
        "ignore": _split(ignore),
        "fail_on": fail_on,
        "database_url": database_url,
    }
    for section, values in (sections or {}).items():
        given = {k: v for k, v in values.items() if v is not None}
        if given:
            overrides[section] = given
    return load_config(config_file=config_file, overrides=overrides)


def report(diagnostics: list[Diagnostic], config: Config) -> NoReturn:
    """Print the findings in the configured format and exit 0 or 1 by `--fail-on`."""
    render(diagnostics, config.format, sys.stdout, root=str(Path.cwd()))
    sys.stdout.flush()
    raise typer.Exit(1 if exceeds(diagnostics, config.fail_level) else 0)


def note(message: str) -> None:
    """A one-line status message on stderr (never mixed into machine-readable stdout)."""
    print(f"schemawise: {message}", file=sys.stderr)
