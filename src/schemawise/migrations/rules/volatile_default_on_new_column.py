"""MG010: new column with a default that rewrites the table."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType
from pglast.stream import RawStream

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import (
    alembic_or_sql,
    alter_table_commands,
    constraints_of,
    finding,
)
from schemawise.registry import Finding, rule

# From PostgreSQL 11, ADD COLUMN with a non-volatile default stores the value in the catalog instead
# of rewriting every row (release notes 11, "Allow ALTER TABLE to add a column with a non-null default").
FAST_DEFAULT_SINCE = 11


@rule("MG010", "volatile-default-on-new-column", severity="warning")
def volatile_default_on_new_column(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ADD COLUMN ... DEFAULT <expression>` on an existing table when the default forces a table
    rewrite: a volatile expression (`gen_random_uuid()`, `clock_timestamp()`, `random()`), or any
    non-NULL default before PostgreSQL 11. Volatility comes from `pg_proc.provolatile`, so stable
    defaults such as `now()` are not flagged on PostgreSQL 11+.

    ## Why is this bad?
    A volatile default must be computed row by row, so PostgreSQL rewrites the whole table under an
    `ACCESS EXCLUSIVE` lock: no reads or writes until it finishes, and twice the disk space meanwhile.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column(
            "videos",
            sa.Column("public_id", sa.Uuid(), server_default=sa.text("gen_random_uuid()")),
        )
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("public_id", sa.Uuid()))
        # backfill in batches, then:
        op.alter_column("videos", "public_id", server_default=sa.text("gen_random_uuid()"))
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(statement, AlterTableType.AT_AddColumn):
            column = command.def_
            if not isinstance(column, ast.ColumnDef) or statement.table_created_earlier(table):
                continue
            for constraint in constraints_of(column, ConstrType.CONSTR_DEFAULT):
                default = constraint.raw_expr
                if isinstance(default, ast.A_Const) and default.isnull:
                    continue
                expression = RawStream()(default)
                if context.pg_version >= FAST_DEFAULT_SINCE:
                    if not statement.expression_is_volatile(default):
                        continue
                    what = f"the volatile default `{expression}`, which"
                else:
                    what = f"the default `{expression}`, which on PostgreSQL {context.pg_version}"
                yield finding(
                    statement,
                    f"`{table}`.`{column.colname}` is added with {what} rewrites the table under "
                    "an `ACCESS EXCLUSIVE` lock",
                    alembic_or_sql(
                        statement,
                        "Add the column without `server_default`, backfill it in batches, then set "
                        "the default with `op.alter_column(..., server_default=...)`",
                        "Add the column without the default, backfill it in batches, then `ALTER "
                        "COLUMN ... SET DEFAULT`",
                    ),
                    table=table,
                    column=column.colname,
                    graded_by_size=True,
                )
