"""MG104: `ALTER TABLE ... RENAME TO`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ObjectType

from schemawise.migrations.context import LintContext, table_key
from schemawise.migrations.rules._statements import alembic_or_sql, finding
from schemawise.registry import Finding, rule


@rule("MG104", "table-rename", severity="warning")
def table_rename(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ALTER TABLE ... RENAME TO` on a table that existed before the revision, unless the same
    revision keeps the old name alive with a `CREATE VIEW` of that name.

    ## Why is this bad?
    The application version still running during the deploy queries the old name and fails until
    every instance runs the new code.

    ## Example
    ```python
    def upgrade() -> None:
        op.rename_table("clip", "clips")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.rename_table("clip", "clips")
        # keep the old name working until no running code uses it; drop the view later
        op.execute("CREATE VIEW clip AS SELECT * FROM clips")
    ```
    """
    # Old names kept alive by a `CREATE VIEW` in the same revision: the rename is then safe.
    views_by_unit: dict[tuple[str | None, str | None], set[str]] = {}
    for statement in context.statements:
        if isinstance(statement.node, ast.ViewStmt):
            unit = (statement.path, statement.revision)
            views_by_unit.setdefault(unit, set()).add(table_key(statement.node.view))
    for statement in context.statements:
        node = statement.node
        if not (
            isinstance(node, ast.RenameStmt)
            and node.renameType == ObjectType.OBJECT_TABLE
            and node.relation is not None
        ):
            continue
        table = table_key(node.relation)
        if statement.table_created_earlier(table):
            continue
        if table in views_by_unit.get((statement.path, statement.revision), set()):
            continue
        yield finding(
            statement,
            f"Renaming `{table}` to `{node.newname}` breaks running code that uses the old name",
            alembic_or_sql(
                statement,
                'Keep the old name as a view (`op.execute("CREATE VIEW ...")`) until no running '
                "code uses it",
                "Keep the old name as a view until no running code uses it",
            ),
            table=table,
        )
