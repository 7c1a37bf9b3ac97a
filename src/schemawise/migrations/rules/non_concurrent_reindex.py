"""MG003: `REINDEX` without `CONCURRENTLY`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ReindexObjectType

from schemawise.migrations.context import LintContext, table_key
from schemawise.migrations.rules._statements import AUTOCOMMIT_BLOCK, alembic_or_sql, finding
from schemawise.registry import Finding, rule

# `REINDEX ... CONCURRENTLY` exists from PostgreSQL 12.
CONCURRENT_REINDEX_SINCE = 12


def option_enabled(option: ast.DefElem) -> bool:
    """`(CONCURRENTLY)` and `(CONCURRENTLY true)` are on; `(CONCURRENTLY false)` / `off` / `0` are off."""
    argument = option.arg
    if argument is None:
        return True
    if isinstance(argument, ast.Integer):
        return argument.ival != 0
    if isinstance(argument, ast.Boolean):
        return bool(argument.boolval)
    return str(getattr(argument, "sval", "")).lower() in ("true", "on", "yes", "1")


def is_concurrent(node: ast.ReindexStmt) -> bool:
    return any(
        option.defname == "concurrently" and option_enabled(option) for option in node.params or ()
    )


@rule("MG003", "non-concurrent-reindex", severity="warning")
def non_concurrent_reindex(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `REINDEX` without `CONCURRENTLY`.

    ## Why is this bad?
    A plain `REINDEX` blocks writes to the table and takes an `ACCESS EXCLUSIVE` lock on each index it
    rebuilds, so queries that would use the index wait too, for as long as the rebuild takes.
    `REINDEX ... CONCURRENTLY` (PostgreSQL 12+) rebuilds beside the old index and swaps them.

    ## Example
    ```python
    def upgrade() -> None:
        op.execute("REINDEX INDEX idx_videos_owner_id")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        with op.get_context().autocommit_block():
            op.execute("REINDEX INDEX CONCURRENTLY idx_videos_owner_id")
    ```
    """
    for statement in context.statements:
        node = statement.node
        if not isinstance(node, ast.ReindexStmt) or is_concurrent(node):
            continue
        table = None
        if node.relation is not None:
            target = table_key(node.relation)
            if node.kind == ReindexObjectType.REINDEX_OBJECT_TABLE:
                table = target
                if statement.table_created_earlier(table):
                    continue
        else:
            target = node.name or "the database"
        if context.pg_version >= CONCURRENT_REINDEX_SINCE:
            help = alembic_or_sql(
                statement,
                "Run `REINDEX ... CONCURRENTLY` through `op.execute(...)` inside "
                + AUTOCOMMIT_BLOCK,
                "Use `REINDEX ... CONCURRENTLY` outside a transaction block",
            )
        else:
            help = (
                "Build a replacement with `CREATE INDEX CONCURRENTLY`, then drop the old index "
                "with `DROP INDEX CONCURRENTLY` (`REINDEX CONCURRENTLY` needs PostgreSQL 12)"
            )
        yield finding(
            statement,
            f"`REINDEX` of `{target}` blocks writes while it rebuilds",
            help,
            table=table,
            object=None if table else target,
            graded_by_size=True,
        )
