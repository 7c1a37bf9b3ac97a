"""What a migration test measured: the context the RT reporters turn into findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: importing these at run time would pull alembic and psycopg into every command,
    # since the RT rule modules import this one when the rule catalog loads.
    from schemawise.roundtrip.alembic_project import StepFailure
    from schemawise.roundtrip.rows import RowLoss
    from schemawise.roundtrip.snapshot import Change


@cache
def function_line(path: str | None, function: str) -> int | None:
    """Line of `def <function>(` in a revision file (where the user fixes a step)."""
    if not path:
        return None
    pattern = re.compile(rf"^\s*def {function}\s*\(")
    try:
        with open(path, encoding="utf-8") as handle:
            for number, text in enumerate(handle, start=1):
                if pattern.match(text):
                    return number
    except OSError:
        return None
    return None


@dataclass(frozen=True)
class RevisionRef:
    revision: str
    path: str | None

    def line_of(self, function: str) -> int | None:
        return function_line(self.path, function)


@dataclass(frozen=True)
class NotInverse:
    revision: RevisionRef
    changes: list[Change]

    def diff_text(self) -> str:
        return "\n".join(
            change.sentence("before the upgrade", "after the downgrade") for change in self.changes
        )


@dataclass(frozen=True)
class DataLoss:
    revision: RevisionRef
    phase: str  # "upgrade" or "downgrade"
    loss: RowLoss


@dataclass(frozen=True)
class ModelDifference:
    """One autogenerate difference, in schemawise words."""

    message: str
    help: str
    table: str | None = None
    column: str | None = None
    object: str | None = None


@dataclass(frozen=True)
class StatementTrace:
    """One migration statement run with tables holding rows, and what it did to other sessions."""

    revision: RevisionRef
    statement: str
    line: int | None
    duration_ms: float
    locks: dict[str, list[str]]  # table or index -> lock modes this session held after it
    rewritten: list[str]  # relations whose relfilenode changed
    scanned: list[str]  # tables the statement read through (a build, a validation, an update)
    blocks_reads: list[str]  # tables where a concurrent SELECT timed out waiting
    blocks_writes: list[str]  # tables where a concurrent write timed out waiting


@dataclass
class RoundtripResults:
    revisions: int = 0
    revision_paths: list[str] = field(default_factory=list)  # where `schemawise: ignore` may sit
    upgrade_failures: list[StepFailure] = field(default_factory=list)
    downgrade_failures: list[StepFailure] = field(default_factory=list)
    not_inverse: list[NotInverse] = field(default_factory=list)
    model_differences: list[ModelDifference] = field(default_factory=list)
    models_compared: bool = True
    populated_failures: list[StepFailure] = field(default_factory=list)
    unseedable: dict[str, str] = field(default_factory=dict)
    data_losses: list[DataLoss] = field(default_factory=list)
    irreversible_skipped: list[RevisionRef] = field(default_factory=list)
    statements: list[StatementTrace] = field(default_factory=list)


def short(statement: str | None, limit: int = 120) -> str:
    """A statement on one line, cut to `limit` characters for a message."""
    text = " ".join((statement or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failure_message(direction: str, failure: StepFailure) -> str:
    where = f" at `{short(failure.statement)}`" if failure.statement else ""
    again = " run again after its downgrade" if failure.after_downgrade else ""
    return f"{direction} of revision `{failure.revision}`{again} fails{where}: {failure.error}"


def first_blocks(statements: list[StatementTrace], access: str) -> list[tuple[StatementTrace, str]]:
    """(statement, table) for the first statement of each revision that blocked `access` to a table
    while it scanned or rewrote that table: work that grows with the table, done under a lock that
    makes other sessions wait. A brief catalog-only change (a nullable `ADD COLUMN`, a `NOT VALID`
    constraint) blocks only for a moment and is listed in the trace, not reported."""
    seen: set[tuple[str, str]] = set()
    found = []
    for trace in statements:
        tables = trace.blocks_reads if access == "reads" else trace.blocks_writes
        for table in tables:
            if table not in trace.scanned and table not in trace.rewritten:
                continue
            if (trace.revision.revision, table) not in seen:
                seen.add((trace.revision.revision, table))
                found.append((trace, table))
    return found
