"""MG106: `TRUNCATE ... CASCADE`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import DropBehavior

from schemawise.migrations.context import LintContext, table_key
from schemawise.migrations.rules._statements import finding
from schemawise.registry import Finding, rule


@rule("MG106", "truncate-cascade", severity="warning")
def truncate_cascade(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `TRUNCATE ... CASCADE` on tables that existed before the revision.

    ## Why is this bad?
    `CASCADE` also empties every table with a foreign key pointing at the truncated ones, and every
    table pointing at those, without naming them. A migration that meant to clear one lookup table
    can wipe out user data several references away.

    ## Example
    ```python
    def upgrade() -> None:
        op.execute("TRUNCATE render_presets CASCADE")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        # name every table that must be emptied; TRUNCATE fails if another table refers to them
        op.execute("TRUNCATE render_presets, render_jobs")
    ```
    """
    for statement in context.statements:
        node = statement.node
        if not isinstance(node, ast.TruncateStmt) or node.behavior != DropBehavior.DROP_CASCADE:
            continue
        tables = [table_key(relation) for relation in node.relations or ()]
        existing = [table for table in tables if not statement.table_created_earlier(table)]
        if not existing:
            continue
        names = ", ".join(f"`{table}`" for table in existing)
        yield finding(
            statement,
            f"`TRUNCATE ... CASCADE` of {names} also empties every table that refers to them",
            "Name every table to empty in the `TRUNCATE` and drop `CASCADE`",
            table=existing[0],
        )
