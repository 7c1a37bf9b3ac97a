"""MG007: UNIQUE or PRIMARY KEY added to an existing table without `USING INDEX`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import (
    alembic_or_sql,
    alter_table_commands,
    constraints_of,
    finding,
)
from schemawise.registry import Finding, rule

INDEXED_KINDS = {ConstrType.CONSTR_UNIQUE: "UNIQUE", ConstrType.CONSTR_PRIMARY: "PRIMARY KEY"}


@rule("MG007", "unique-constraint-without-index", severity="warning")
def unique_constraint_without_index(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags a `UNIQUE` or `PRIMARY KEY` constraint added to an existing table (as `ADD CONSTRAINT` or on
    a new column) that builds its own index instead of adopting one with `USING INDEX`.

    ## Why is this bad?
    The constraint's index is built while `ALTER TABLE` holds an `ACCESS EXCLUSIVE` lock: no reads and
    no writes on the table for the whole build. Building a unique index `CONCURRENTLY` first and then
    attaching it with `USING INDEX` takes the strong lock only for a moment.

    ## Example
    ```python
    def upgrade() -> None:
        op.create_unique_constraint("uq_users_email", "users", ["email"])
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        with op.get_context().autocommit_block():
            op.create_index(
                "uq_users_email", "users", ["email"], unique=True, postgresql_concurrently=True
            )
        op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email")
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(
            statement, AlterTableType.AT_AddConstraint, AlterTableType.AT_AddColumn
        ):
            if statement.table_created_earlier(table):
                continue
            definition = command.def_
            if isinstance(definition, ast.Constraint):
                constraints = [definition]
            elif isinstance(definition, ast.ColumnDef):
                constraints = constraints_of(definition, *INDEXED_KINDS)
            else:
                continue
            for constraint in constraints:
                kind = INDEXED_KINDS.get(constraint.contype)
                if kind is None or constraint.indexname:
                    continue
                name = f" `{constraint.conname}`" if constraint.conname else ""
                yield finding(
                    statement,
                    f"`{kind}`{name} on `{table}` builds its index under an `ACCESS EXCLUSIVE` lock",
                    alembic_or_sql(
                        statement,
                        "Build the index with `op.create_index(..., unique=True, "
                        "postgresql_concurrently=True)` first, then add the constraint "
                        "`USING INDEX` through `op.execute(...)`",
                        "Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` first, then add "
                        "the constraint `USING INDEX`",
                    ),
                    table=table,
                    object=constraint.conname,
                    graded_by_size=True,
                )
