"""MG105: `ALTER COLUMN ... DROP NOT NULL`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast.enums import AlterTableType

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import alembic_or_sql, alter_table_commands, finding
from schemawise.registry import Finding, rule


@rule("MG105", "drop-not-null", severity="warning")
def drop_not_null(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ALTER COLUMN ... DROP NOT NULL` on a table that existed before the revision.

    ## Why is this bad?
    Code that reads the column was written for a value that is never NULL: typed as `str`, not
    `str | None`, compared, formatted or summed without a check. Once the migration runs, new rows
    may hold NULL and the old readers fail at run time on data, long after the deploy looked fine.

    ## Example
    ```python
    def upgrade() -> None:
        op.alter_column("videos", "title", existing_type=sa.Text(), nullable=True)
    ```

    ## Use instead
    ```python
    # Release 1: make every reader accept None (`title: str | None`) and deploy.
    # Release 2:
    def upgrade() -> None:
        op.alter_column("videos", "title", existing_type=sa.Text(), nullable=True)  # schemawise: ignore[MG105]
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(statement, AlterTableType.AT_DropNotNull):
            if statement.table_created_earlier(table):
                continue
            yield finding(
                statement,
                f"`{table}`.`{command.name}` becomes nullable; readers that expect a value may "
                "get NULL",
                alembic_or_sql(
                    statement,
                    "Deploy readers that handle `None` first, then set `nullable=True`",
                    "Deploy readers that handle NULL first, then `DROP NOT NULL`",
                ),
                table=table,
                column=command.name,
            )
