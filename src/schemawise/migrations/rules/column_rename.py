"""MG103: `RENAME COLUMN`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ObjectType

from schemawise.migrations.context import LintContext, table_key
from schemawise.migrations.rules._statements import alembic_or_sql, finding
from schemawise.registry import Finding, rule


@rule("MG103", "column-rename", severity="warning")
def column_rename(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ALTER TABLE ... RENAME COLUMN` on a table that existed before the revision.

    ## Why is this bad?
    The rename is instant, but the application version still running during the deploy uses the old
    name, so its queries fail until every instance runs the new code.

    ## Example
    ```python
    def upgrade() -> None:
        op.alter_column("videos", "name", new_column_name="title")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        # add the new column, write both from the application, backfill, move reads over,
        # then drop the old column in a later release
        op.add_column("videos", sa.Column("title", sa.Text()))
    ```
    """
    for statement in context.statements:
        node = statement.node
        if not (
            isinstance(node, ast.RenameStmt)
            and node.renameType == ObjectType.OBJECT_COLUMN
            and node.relationType == ObjectType.OBJECT_TABLE
            and node.relation is not None
        ):
            continue
        table = table_key(node.relation)
        if statement.table_created_earlier(table):
            continue
        yield finding(
            statement,
            f"Renaming `{table}`.`{node.subname}` to `{node.newname}` breaks running code that uses "
            "the old name",
            alembic_or_sql(
                statement,
                "Add the new column with `op.add_column(...)`, write both and backfill, then drop "
                "the old one in a later revision",
                "Add the new column, write both and backfill, then drop the old one later",
            ),
            table=table,
            column=node.subname,
        )
