"""What the loaders produce: units of work (one revision or one .sql file) holding located statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that could not be read, parsed or rendered; reported as SW002 where it is located."""

    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path and self.line else ""
        where = where or (f"{self.path}: " if self.path else "")
        return where + self.message


@dataclass(frozen=True, slots=True)
class EmittedStatement:
    """One statement as it would run, located where the user fixes it."""

    sql: str
    path: str
    line: int
    node: Any = None  # pglast statement node; None when `error` is set
    error: str | None = None
    op: str | None = None  # the `op.*` function that emitted it (Alembic only)


@dataclass
class LintUnit:
    """One Alembic revision's upgrade, or one .sql file, in the order they run."""

    path: str
    revision: str | None = None
    statements: list[EmittedStatement] = field(default_factory=list)
    # Does the unit's first statement run inside a transaction block (Alembic's per-revision BEGIN)?
    starts_in_transaction: bool = False
    # Is a lock_timeout in force before the first statement (env.py options, config)?
    lock_timeout_in_force: bool = False
    problems: list[Problem] = field(default_factory=list)
    # False for revisions before the baseline (`--since`): their facts count, their findings do not.
    in_scope: bool = True


@dataclass
class Rendering:
    """One revision's offline output: (SQL text, revision-file line, `op` function) per write."""

    chunks: list[tuple[str, int | None, str | None]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
