"""Output formats, one module each. Used by the CLI; every format but `full` is plain text or JSON."""

from __future__ import annotations

from typing import TextIO

from schemawise.diagnostics import Diagnostic


def render(
    diagnostics: list[Diagnostic], format: str, stream: TextIO, *, root: str | None = None
) -> None:
    """Write `diagnostics` to `stream` in `format` (full, concise, json, github, sarif)."""
    if format == "full":
        from schemawise.output import full

        full.write(diagnostics, stream, root=root)
    elif format == "concise":
        from schemawise.output import concise

        concise.write(diagnostics, stream, root=root)
    elif format == "json":
        from schemawise.output import json_format

        json_format.write(diagnostics, stream)
    elif format == "github":
        from schemawise.output import github

        github.write(diagnostics, stream, root=root)
    elif format == "sarif":
        from schemawise.output import sarif

        sarif.write(diagnostics, stream, root=root)
    else:  # config validation rejects unknown formats before this point
        raise ValueError(f"unknown format {format!r}")
