"""`schemawise rules` (the catalog) and `schemawise rule CODE` (one rule's doc)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from schemawise.errors import ConfigError
from schemawise.registry import load_rules


def rules(
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """List every rule: code, name, severity, whether it is opt-in, and what it flags."""
    catalog = load_rules()
    if format == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "opt_in": r.opt_in,
                "sources": sorted(r.sources) if r.family == "models" else None,
                "summary": r.summary,
            }
            for r in catalog.values()
        ]
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    if format != "table":
        raise ConfigError(f"format: expected table or json, got {format!r}")
    from rich.console import Console
    from rich.table import Table

    table = Table(title="schemawise rules", show_lines=False)
    table.add_column("code", no_wrap=True)
    table.add_column("name", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("opt-in", no_wrap=True)
    table.add_column("flags", overflow="fold", ratio=1)
    for r in catalog.values():
        table.add_row(r.code, r.name, r.severity.value, "yes" if r.opt_in else "", r.summary)
    Console().print(table)


def rule(code: Annotated[str, typer.Argument(help="A rule code (SM201) or name")]) -> None:
    """Print one rule's documentation."""
    catalog = load_rules()
    wanted = code.strip()
    found = catalog.get(wanted.upper()) or next(
        (r for r in catalog.values() if r.name == wanted), None
    )
    if found is None:
        raise ConfigError(f"no rule `{code}`: `schemawise rules` lists them")
    from rich.console import Console
    from rich.markdown import Markdown

    header = f"# {found.code} {found.name}\n\nSeverity: {found.severity.value}"
    if found.opt_in:
        header += " (opt-in: enable with `--extend-select " + found.code + "`)"
    Console().print(Markdown(header + "\n\n" + found.doc))
