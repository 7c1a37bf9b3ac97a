"""MG017: `DETACH PARTITION` without `CONCURRENTLY`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType

from schemawise.migrations.context import LintContext, table_key
from schemawise.migrations.rules._statements import (
    AUTOCOMMIT_BLOCK,
    alembic_or_sql,
    alter_table_commands,
    finding,
)
from schemawise.registry import Finding, rule

# `DETACH PARTITION ... CONCURRENTLY` exists from PostgreSQL 14; before that there is no alternative.
CONCURRENT_DETACH_SINCE = 14


@rule("MG017", "non-concurrent-partition-detach", severity="warning")
def non_concurrent_partition_detach(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ALTER TABLE ... DETACH PARTITION` without `CONCURRENTLY` on PostgreSQL 14+ (older versions
    have no concurrent form, so nothing is flagged there).

    ## Why is this bad?
    A plain detach takes an `ACCESS EXCLUSIVE` lock on the partitioned table: every query on any
    partition waits until it completes. `CONCURRENTLY` needs only `SHARE UPDATE EXCLUSIVE`.

    ## Example
    ```python
    def upgrade() -> None:
        op.execute("ALTER TABLE events DETACH PARTITION events_2023")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        with op.get_context().autocommit_block():
            op.execute("ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY")
    ```
    """
    if context.pg_version < CONCURRENT_DETACH_SINCE:
        return
    for statement in context.statements:
        for table, command in alter_table_commands(statement, AlterTableType.AT_DetachPartition):
            partition = command.def_
            if not isinstance(partition, ast.PartitionCmd) or partition.concurrent:
                continue
            if statement.table_created_earlier(table):
                continue
            yield finding(
                statement,
                f"`DETACH PARTITION` `{table_key(partition.name)}` takes an `ACCESS EXCLUSIVE` "
                f"lock on `{table}`",
                alembic_or_sql(
                    statement,
                    "Use `DETACH PARTITION ... CONCURRENTLY` through `op.execute(...)` inside "
                    + AUTOCOMMIT_BLOCK,
                    "Use `DETACH PARTITION ... CONCURRENTLY` outside a transaction block",
                ),
                table=table,
                object=table_key(partition.name),
                graded_by_size=True,
            )
