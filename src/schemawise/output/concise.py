"""`--format concise`: one line per finding, `path:line: CODE [severity] message`."""

from __future__ import annotations

from typing import TextIO

from schemawise.diagnostics import Diagnostic
from schemawise.output.paths import location_text


def line_for(diagnostic: Diagnostic, root: str | None) -> str:
    where = location_text(diagnostic.path, diagnostic.line, root)
    if not where:
        where = diagnostic.table or "-"
        if diagnostic.column:
            where += f".{diagnostic.column}"
    return f"{where}: {diagnostic.code} [{diagnostic.severity}] {diagnostic.message}"


def write(diagnostics: list[Diagnostic], stream: TextIO, *, root: str | None = None) -> None:
    for diagnostic in diagnostics:
        stream.write(line_for(diagnostic, root) + "\n")
