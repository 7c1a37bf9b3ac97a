"""`--format full` (the default): readable, coloured output with the help line and a summary.

Colours follow rich's handling of `NO_COLOR` / `FORCE_COLOR` and whether the stream is a terminal.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.theme import Theme

from schemawise.diagnostics import Diagnostic, Severity, summarize
from schemawise.output.paths import location_text

THEME = Theme(
    {
        "sw.location": "bold",
        "sw.code": "bold magenta",
        "sw.error": "bold red",
        "sw.warning": "bold yellow",
        "sw.info": "bold cyan",
        "sw.help": "green",
        "sw.object": "dim",
        "sw.ok": "bold green",
    }
)


def write(diagnostics: list[Diagnostic], stream: TextIO, *, root: str | None = None) -> None:
    console = Console(file=stream, theme=THEME, highlight=False, soft_wrap=True)
    for diagnostic in diagnostics:
        where = location_text(diagnostic.path, diagnostic.line, root)
        subject = diagnostic.table or ""
        if diagnostic.column:
            subject += f".{diagnostic.column}"
        head = f"[sw.location]{where or subject or '-'}[/]: " if (where or subject) else ""
        severity = diagnostic.severity.value
        console.print(
            f"{head}[sw.code]{diagnostic.code}[/] [sw.{severity}]{severity}[/] "
            f"{_escape(diagnostic.message)} [sw.object]({diagnostic.name})[/]"
        )
        if diagnostic.help:
            console.print(f"  [sw.help]help:[/] {_escape(diagnostic.help)}")
    counts = summarize(diagnostics)
    if not diagnostics:
        console.print("[sw.ok]No findings.[/]")
        return
    parts = [f"{counts[s.value]} {s.value}{'s' if counts[s.value] != 1 else ''}" for s in Severity]
    console.print(
        f"\nFound {len(diagnostics)} finding{'s' if len(diagnostics) != 1 else ''}: {', '.join(parts)}"
    )


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
