"""MG002: `DROP INDEX` without `CONCURRENTLY`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ObjectType

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import AUTOCOMMIT_BLOCK, alembic_or_sql, finding
from schemawise.registry import Finding, rule


@rule("MG002", "non-concurrent-index-drop", severity="warning")
def non_concurrent_index_drop(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `DROP INDEX` without `CONCURRENTLY`, unless the index's table was created earlier in the same
    revision.

    ## Why is this bad?
    A plain `DROP INDEX` takes an `ACCESS EXCLUSIVE` lock on the index's table. The drop itself is quick,
    but the lock request queues behind every running query on the table, and every later query, reads
    included, queues behind it.

    ## Example
    ```python
    def upgrade() -> None:
        op.drop_index("idx_videos_owner_id", table_name="videos")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        with op.get_context().autocommit_block():
            op.drop_index(
                "idx_videos_owner_id", table_name="videos", postgresql_concurrently=True
            )
    ```
    """
    for statement in context.statements:
        node = statement.node
        if not isinstance(node, ast.DropStmt) or node.removeType != ObjectType.OBJECT_INDEX:
            continue
        if node.concurrent:
            continue
        for names in node.objects or ():
            parts = [part.sval for part in names]
            # Named like the lock facts: bare for `public`, `schema.index` otherwise.
            index = ".".join(parts[-2:]) if len(parts) > 1 and parts[-2] != "public" else parts[-1]
            # The statement names only the index; the context resolves its table when the linted
            # history created the index (else the lock is keyed by the index name itself).
            table = next((key for key in statement.locks if key != index), None)
            if table is not None and statement.table_created_earlier(table):
                continue
            yield finding(
                statement,
                f"`DROP INDEX` `{index}` takes an `ACCESS EXCLUSIVE` lock on "
                + (f"`{table}`" if table else "its table"),
                alembic_or_sql(
                    statement,
                    "Pass `postgresql_concurrently=True` to `op.drop_index(...)` inside "
                    + AUTOCOMMIT_BLOCK,
                    "Use `DROP INDEX CONCURRENTLY` outside a transaction block",
                    raw_sql="Write `DROP INDEX CONCURRENTLY` and run the `op.execute(...)` inside "
                    + AUTOCOMMIT_BLOCK,
                ),
                table=table,
                object=index,
                graded_by_size=True,
            )
