"""MG004: a `CONCURRENTLY` operation inside a transaction block."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType

from schemawise.migrations.context import LintContext, StatementContext, table_key
from schemawise.migrations.rules._statements import (
    AUTOCOMMIT_BLOCK,
    alembic_or_sql,
    alter_table_commands,
    finding,
)
from schemawise.migrations.rules.non_concurrent_reindex import is_concurrent
from schemawise.registry import Finding, rule


def concurrent_operation(statement: StatementContext) -> tuple[str, str | None] | None:
    """`(what, table)` when the statement is a `CONCURRENTLY` operation, else None."""
    node = statement.node
    if isinstance(node, ast.IndexStmt) and node.concurrent:
        return "CREATE INDEX CONCURRENTLY", table_key(node.relation)
    if isinstance(node, ast.DropStmt) and node.concurrent:
        return "DROP INDEX CONCURRENTLY", None
    if isinstance(node, ast.ReindexStmt) and is_concurrent(node):
        return "REINDEX CONCURRENTLY", None
    for table, command in alter_table_commands(statement, AlterTableType.AT_DetachPartition):
        if isinstance(command.def_, ast.PartitionCmd) and command.def_.concurrent:
            return "DETACH PARTITION CONCURRENTLY", table
    return None


@rule("MG004", "concurrent-operation-in-transaction", severity="error")
def concurrent_operation_in_transaction(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, `REINDEX CONCURRENTLY` and
    `DETACH PARTITION CONCURRENTLY` that run inside a transaction block, which includes the transaction
    Alembic opens around each revision.

    ## Why is this bad?
    PostgreSQL refuses these commands inside a transaction block ("cannot run inside a transaction
    block"), so the migration fails at deploy time, usually after the earlier statements succeeded
    on a test database that was migrated differently.

    ## Example
    ```python
    def upgrade() -> None:
        op.create_index("idx_videos_owner_id", "videos", ["owner_id"], postgresql_concurrently=True)
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
        if not statement.in_transaction:
            continue
        operation = concurrent_operation(statement)
        if operation is None:
            continue
        what, table = operation
        yield finding(
            statement,
            f"`{what}` cannot run inside a transaction block and fails",
            alembic_or_sql(
                statement,
                f"Move the `op.{statement.op or 'execute'}(...)` call inside " + AUTOCOMMIT_BLOCK,
                "Run the statement outside `BEGIN` ... `COMMIT`",
            ),
            table=table,
        )
