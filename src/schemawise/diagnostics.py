"""The one finding type every feature emits (DESIGN.md section 1)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used by `--fail-on` and sorting."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    help: str | None = None
    path: str | None = None
    line: int | None = None
    table: str | None = None
    column: str | None = None
    object: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    @property
    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.path or "", self.line or 0, self.code, self.table or "", self.column or "")


def summarize(diagnostics: list[Diagnostic]) -> dict[str, int]:
    counts = {severity.value: 0 for severity in Severity}
    for diagnostic in diagnostics:
        counts[diagnostic.severity.value] += 1
    return counts


def exceeds(diagnostics: list[Diagnostic], fail_on: Severity) -> bool:
    """True when any diagnostic is at or above the fail level (exit code 1)."""
    return any(d.severity.rank >= fail_on.rank for d in diagnostics)
