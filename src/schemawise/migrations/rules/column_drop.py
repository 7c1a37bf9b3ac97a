"""MG101: `DROP COLUMN`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast.enums import AlterTableType

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import alembic_or_sql, alter_table_commands, finding
from schemawise.registry import Finding, rule


@rule("MG101", "column-drop", severity="warning")
def column_drop(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `DROP COLUMN` on a table that existed before the revision.

    ## Why is this bad?
    During a deploy the old application version keeps running until the new one is up. If the
    migration drops a column first, every query of the old code that names the column fails, and
    SQLAlchemy models name all their columns in every `SELECT`. The data is gone too: a downgrade
    brings the column back empty.

    ## Example
    ```python
    def upgrade() -> None:
        op.drop_column("videos", "legacy_url")
    ```

    ## Use instead
    ```python
    # Release 1: remove `legacy_url` from the model (or mark it `deferred`) and deploy.
    # Release 2, once no running code reads it:
    def upgrade() -> None:
        op.drop_column("videos", "legacy_url")  # schemawise: ignore[MG101]
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(statement, AlterTableType.AT_DropColumn):
            if statement.table_created_earlier(table):
                continue
            yield finding(
                statement,
                f"Dropping `{table}`.`{command.name}` breaks running code that still reads it",
                alembic_or_sql(
                    statement,
                    "Remove the column from the models and deploy first, then drop it in a later "
                    "revision",
                    "Stop reading and writing the column in a deploy first, then drop it",
                ),
                table=table,
                column=command.name,
            )
