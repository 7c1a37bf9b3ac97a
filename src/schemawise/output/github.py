"""`--format github`: GitHub Actions workflow commands, so findings annotate the pull request diff.

Format: `::error file=PATH,line=N,title=CODE name::message`; properties and message are escaped as the
workflow-command syntax requires (`%`, `\r`, `\n`, and in properties `:` and `,`).
"""

from __future__ import annotations

from typing import TextIO

from schemawise.diagnostics import Diagnostic, Severity
from schemawise.output.paths import display_path

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(diagnostics: list[Diagnostic], stream: TextIO, *, root: str | None = None) -> None:
    for diagnostic in diagnostics:
        properties = []
        path = display_path(diagnostic.path, root)
        if path:
            properties.append(f"file={_escape_property(path)}")
            if diagnostic.line:
                properties.append(f"line={diagnostic.line}")
        properties.append(f"title={_escape_property(f'{diagnostic.code} {diagnostic.name}')}")
        message = diagnostic.message
        if not path and diagnostic.table:
            message = f"{diagnostic.table}: {message}"
        if diagnostic.help:
            message += f"\nhelp: {diagnostic.help}"
        level = _LEVEL[diagnostic.severity]
        stream.write(f"::{level} {','.join(properties)}::{_escape_data(message)}\n")
