"""MG014: lock-taking DDL on an existing table with no `lock_timeout` in force."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import (
    alembic_or_sql,
    finding,
    is_new_table,
    statement_label,
)
from schemawise.registry import Finding, rule


def article(word: str) -> str:
    return "an" if word[0] in "AEIOU" else "a"


@rule("MG014", "lock-without-timeout", severity="warning")
def lock_without_timeout(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags the first statement of a revision (or `.sql` file) that waits for a lock blocking writes or
    reads (`SHARE` or stronger) on an existing table while no `lock_timeout` is in force. A `SET
    lock_timeout` earlier in the revision, in env.py's connection options or in
    `[tool.schemawise.migrations] lock-timeout` satisfies it. One finding per revision: one `SET`
    fixes them all.

    ## Why is this bad?
    A DDL statement waits for its lock behind every running query on the table, however long, and
    every query that arrives after it waits behind the DDL. One slow report query turns a
    millisecond `ALTER TABLE` into an outage. With `lock_timeout`, the migration gives up instead and
    can be retried.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("archived_at", sa.DateTime(timezone=True)))
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.execute("SET lock_timeout = '5s'")
        op.add_column("videos", sa.Column("archived_at", sa.DateTime(timezone=True)))
    ```
    """
    reported_units: set[tuple[str | None, str | None]] = set()
    for statement in context.statements:
        unit = (statement.path, statement.revision)
        if statement.lock_timeout_in_force or unit in reported_units:
            continue
        if isinstance(statement.node, ast.LockStmt) and statement.node.nowait:
            continue  # NOWAIT never queues
        waited = [
            (table, mode)
            for table, mode in statement.locks.items()
            if mode.blocks_writes and not is_new_table(statement, table)
        ]
        if not waited:
            continue
        table, mode = max(waited, key=lambda item: item[1])
        reported_units.add(unit)
        yield finding(
            statement,
            f"`{statement_label(statement)}` waits for {article(mode.label)} `{mode.label}` lock on "
            f"`{table}` with no "
            "`lock_timeout`, and queries queue behind it meanwhile",
            alembic_or_sql(
                statement,
                "Start `upgrade()` with `op.execute(\"SET lock_timeout = '5s'\")`, or set it in "
                "env.py's connection options",
                "Run `SET lock_timeout = '5s'` before the statement",
            ),
            table=table,
            graded_by_size=True,
        )
