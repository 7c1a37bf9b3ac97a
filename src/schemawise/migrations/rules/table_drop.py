"""MG102: `DROP TABLE`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ObjectType

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import alembic_or_sql, finding
from schemawise.registry import Finding, rule


def dotted_table(names: tuple[ast.String, ...]) -> str:
    """`("public", "videos")` -> `videos`; `("media", "videos")` -> `media.videos`."""
    parts = [name.sval for name in names]
    if len(parts) > 1 and parts[-2] != "public":
        return ".".join(parts[-2:])
    return parts[-1]


@rule("MG102", "table-drop", severity="warning")
def table_drop(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `DROP TABLE` of a table that existed before the revision.

    ## Why is this bad?
    Code of the previous release still queries the table while the deploy rolls out, and the data
    cannot be brought back by a downgrade. It also takes an `ACCESS EXCLUSIVE` lock on the table and
    on tables whose foreign keys point at it.

    ## Example
    ```python
    def upgrade() -> None:
        op.drop_table("legacy_renders")
    ```

    ## Use instead
    ```python
    # Release 1: remove the model and every use of the table, and deploy.
    # Release 2, with a backup taken:
    def upgrade() -> None:
        op.drop_table("legacy_renders")  # schemawise: ignore[MG102]
    ```
    """
    for statement in context.statements:
        node = statement.node
        if not isinstance(node, ast.DropStmt) or node.removeType != ObjectType.OBJECT_TABLE:
            continue
        for names in node.objects or ():
            table = dotted_table(names)
            if statement.table_created_earlier(table):
                continue
            yield finding(
                statement,
                f"Dropping `{table}` breaks running code that still uses it and loses its rows",
                alembic_or_sql(
                    statement,
                    "Remove the model and every use of the table in a deploy first, then drop it "
                    "in a later revision",
                    "Stop using the table in a deploy first, then drop it",
                ),
                table=table,
            )
