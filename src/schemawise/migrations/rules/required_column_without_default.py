"""MG009: `ADD COLUMN ... NOT NULL` without a default on an existing table."""

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
    type_name,
)
from schemawise.registry import Finding, rule

# These types bring their own default (`nextval(...)`).
SERIAL_TYPES = {"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"}


def has_value_source(column: ast.ColumnDef) -> bool:
    """The column gets a value for existing rows: a non-NULL default, identity, generation or serial."""
    if type_name(column.typeName) in SERIAL_TYPES:
        return True
    for constraint in constraints_of(
        column, ConstrType.CONSTR_DEFAULT, ConstrType.CONSTR_IDENTITY, ConstrType.CONSTR_GENERATED
    ):
        default = constraint.raw_expr
        if constraint.contype != ConstrType.CONSTR_DEFAULT:
            return True
        if not (isinstance(default, ast.A_Const) and default.isnull):
            return True
    return False


def is_required(column: ast.ColumnDef) -> bool:
    return bool(
        column.is_not_null
        or constraints_of(column, ConstrType.CONSTR_NOTNULL, ConstrType.CONSTR_PRIMARY)
    )


@rule("MG009", "required-column-without-default", severity="error")
def required_column_without_default(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ADD COLUMN ... NOT NULL` without a default on a table that already exists.

    ## Why is this bad?
    Existing rows would get NULL in the new column, so PostgreSQL refuses the statement as soon as the
    table holds a single row. The migration passes on an empty development database and fails in
    production.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("status", sa.Text(), nullable=False))
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.add_column(
            "videos", sa.Column("status", sa.Text(), nullable=False, server_default="draft")
        )
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(statement, AlterTableType.AT_AddColumn):
            column = command.def_
            if not isinstance(column, ast.ColumnDef) or statement.table_created_earlier(table):
                continue
            if not is_required(column) or has_value_source(column):
                continue
            yield finding(
                statement,
                f"`{table}`.`{column.colname}` is added `NOT NULL` without a default, which fails "
                "once the table has rows" + statement.size_note(table),
                alembic_or_sql(
                    statement,
                    "Give the column a `server_default=...`, or add it nullable, backfill it and "
                    "then set `nullable=False`",
                    "Add a constant `DEFAULT`, or add the column nullable, backfill it and then "
                    "`SET NOT NULL`",
                ),
                table=table,
                column=column.colname,
            )
