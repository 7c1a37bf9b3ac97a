"""The failure a built-in migration test raises: a summary plus titled sections for the report."""

from __future__ import annotations

from schemawise.diagnostics import Diagnostic
from schemawise.roundtrip.results import RoundtripResults


class MigrationTestFailure(AssertionError):
    """Raised by a built-in test; the plugin renders `sections` as titled report sections."""

    def __init__(self, summary: str, sections: list[tuple[str, str]]) -> None:
        super().__init__(summary)
        self.summary = summary
        self.sections = sections


def _statement_and_error(
    results: RoundtripResults, diagnostic: Diagnostic
) -> list[tuple[str, str]]:
    failures = {
        "RT001": results.upgrade_failures,
        "RT002": results.downgrade_failures,
        "RT005": results.populated_failures,
    }.get(diagnostic.code, [])
    for failure in failures:
        if failure.revision == diagnostic.object:
            return [
                (
                    "statement",
                    failure.statement or "(no SQL statement: the error came from Python)",
                ),
                ("PostgreSQL error", failure.error),
            ]
    return []


def _diff(results: RoundtripResults, diagnostic: Diagnostic) -> list[tuple[str, str]]:
    if diagnostic.code != "RT003":
        return []
    for item in results.not_inverse:
        if item.revision.revision == diagnostic.object:
            return [("schema diff (before upgrade vs after downgrade)", item.diff_text())]
    return []


def failure_for(
    title: str, diagnostics: list[Diagnostic], results: RoundtripResults
) -> MigrationTestFailure:
    """One failure listing every finding, each with its revision, statement, error and diff."""
    lines = [f"{title}: {len(diagnostics)} finding{'s' if len(diagnostics) != 1 else ''}"]
    sections: list[tuple[str, str]] = []
    for number, diagnostic in enumerate(diagnostics, start=1):
        lines.append(f"  {diagnostic.code} {diagnostic.message}")
        where = (
            diagnostic.path + (f":{diagnostic.line}" if diagnostic.line else "")
            if diagnostic.path
            else None
        )
        header = f"{number}. {diagnostic.code} {diagnostic.name}"
        sections.append(
            (
                f"{header}: revision",
                f"{diagnostic.object or '-'}" + (f" ({where})" if where else ""),
            )
        )
        for label, text in _statement_and_error(results, diagnostic) + _diff(results, diagnostic):
            sections.append((f"{header}: {label}", text))
        if diagnostic.help:
            sections.append((f"{header}: help", diagnostic.help))
    return MigrationTestFailure("\n".join(lines), sections)
