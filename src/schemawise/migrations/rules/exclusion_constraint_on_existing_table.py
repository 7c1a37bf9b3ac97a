"""MG013: `ADD CONSTRAINT ... EXCLUDE` on an existing table."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import alter_table_commands, finding
from schemawise.registry import Finding, rule


@rule("MG013", "exclusion-constraint-on-existing-table", severity="warning")
def exclusion_constraint_on_existing_table(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ADD CONSTRAINT ... EXCLUDE` on a table that already exists.

    ## Why is this bad?
    An exclusion constraint builds its index and checks every existing row while `ALTER TABLE` holds an
    `ACCESS EXCLUSIVE` lock. Unlike UNIQUE, it can neither be added `NOT VALID` nor adopt an index built
    `CONCURRENTLY`, so on a populated table there is no online way to add it.

    ## Example
    ```python
    def upgrade() -> None:
        op.execute(
            "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap "
            "EXCLUDE USING gist (room_id WITH =, during WITH &&)"
        )
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        # define it when the table is created, or add it in a maintenance window
        op.create_table(
            "bookings",
            ...,
            postgresql.ExcludeConstraint(("room_id", "="), ("during", "&&"), using="gist"),
        )
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(statement, AlterTableType.AT_AddConstraint):
            constraint = command.def_
            if not isinstance(constraint, ast.Constraint):
                continue
            if constraint.contype != ConstrType.CONSTR_EXCLUSION:
                continue
            if statement.table_created_earlier(table):
                continue
            name = f" `{constraint.conname}`" if constraint.conname else ""
            yield finding(
                statement,
                f"Exclusion constraint{name} on `{table}` builds its index and checks every row "
                "under an `ACCESS EXCLUSIVE` lock",
                "Define the exclusion constraint when the table is created, or add it in a "
                "maintenance window",
                table=table,
                object=constraint.conname,
                graded_by_size=True,
            )
