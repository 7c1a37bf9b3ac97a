"""MG001: `CREATE INDEX` without `CONCURRENTLY` on an existing table."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast

from schemawise.migrations.context import LintContext, table_key
from schemawise.migrations.rules._statements import AUTOCOMMIT_BLOCK, alembic_or_sql, finding
from schemawise.registry import Finding, rule


@rule("MG001", "non-concurrent-index-creation", severity="warning")
def non_concurrent_index_creation(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `CREATE INDEX` without `CONCURRENTLY` on a table that already exists (not one created
    earlier in the same revision).

    ## Why is this bad?
    A plain index build holds a `SHARE` lock on the table until it finishes: every `INSERT`, `UPDATE`
    and `DELETE` waits, for minutes on a large table. `CONCURRENTLY` builds the index while writes go on.

    ## Example
    ```python
    def upgrade() -> None:
        op.create_index("idx_videos_owner_id", "videos", ["owner_id"])
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        with op.get_context().autocommit_block():
            op.create_index(
                "idx_videos_owner_id", "videos", ["owner_id"], postgresql_concurrently=True
            )
    ```
    """
    for statement in context.statements:
        node = statement.node
        if not isinstance(node, ast.IndexStmt) or node.concurrent:
            continue
        table = table_key(node.relation)
        if statement.table_created_earlier(table):
            continue  # a new, empty table nobody else is using yet
        kind = "CREATE UNIQUE INDEX" if node.unique else "CREATE INDEX"
        index = f" `{node.idxname}`" if node.idxname else ""
        yield finding(
            statement,
            f"`{kind}`{index} on `{table}` blocks writes to the table while it builds",
            alembic_or_sql(
                statement,
                "Pass `postgresql_concurrently=True` to `op.create_index(...)` inside "
                + AUTOCOMMIT_BLOCK,
                "Use `CREATE INDEX CONCURRENTLY` outside a transaction block",
                raw_sql="Write `CREATE INDEX CONCURRENTLY` and run the `op.execute(...)` inside "
                + AUTOCOMMIT_BLOCK,
            ),
            table=table,
            object=node.idxname,
            graded_by_size=True,
        )
